package note

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/tui/common"
)

// armedConfirm is the addendum's "Sign this addendum?" with the arming delay of
// component/confirm: once the confirmation is reached, keys are ignored for
// com.ArmAfter, so an enter or a y already typed for the field before (a fast typist, a
// held key, a paste) cannot sign by accident. Going back (shift+tab) is always safe.
type armedConfirm struct {
	*huh.Confirm
	com   common.Common
	armed bool
	// reached counts the times the field was reached, so the arming of an earlier
	// visit never arms a later one.
	reached int
}

// armedMsg arms the field it names, for the visit it names.
type armedMsg struct {
	field   *armedConfirm
	reached int
}

func armed(com common.Common, c *huh.Confirm) *armedConfirm {
	return &armedConfirm{Confirm: c, com: com}
}

// Focus starts the arming delay, measured from the field being reached.
func (a *armedConfirm) Focus() tea.Cmd {
	a.armed = false
	a.reached++
	a.Confirm.Focus()
	return a.com.Arm(armedMsg{field: a, reached: a.reached})
}

// Update arms the field, and ignores keys until it is armed.
func (a *armedConfirm) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case armedMsg:
		if msg.field == a && msg.reached == a.reached {
			a.armed = true
		}
		return a, nil
	case tea.KeyPressMsg:
		if !a.armed && !key.Matches(msg, huh.NewDefaultKeyMap().Confirm.Prev) {
			return a, nil
		}
	}
	_, cmd := a.Confirm.Update(msg)
	return a, cmd
}
