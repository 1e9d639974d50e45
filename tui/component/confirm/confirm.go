// Package confirm is the dialog that stands between a key and an act that cannot be
// undone, such as signing. It names exactly what will be done, and it ignores every key
// until a short arming delay has passed since it opened, so keystrokes already in
// flight (a fast typist's enter, a held key) cannot sign by accident.
package confirm

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Model is a confirmation dialog.
type Model struct {
	com      common.Common
	question string   // e.g. "Sign this note?"
	details  []string // what exactly is being confirmed
	yes, no  key.Binding
	armed    bool
	// Subject is the record as the screen showed it when it opened the dialog, so the
	// answer acts on exactly that (its revision), not on whatever was read since.
	Subject any
	// Act names what y does, "sign" unless the screen says otherwise ("reopen").
	Act string
}

// Result is sent when the dialog is answered; Dialog tells which one.
type Result struct {
	Dialog    *Model
	Confirmed bool
}

// armedMsg names its dialog, so a late arming never arms a newer one.
type armedMsg struct{ m *Model }

// New opens a dialog and returns the command that arms it after com.ArmAfter.
func New(com common.Common, question string, details ...string) (*Model, tea.Cmd) {
	m := &Model{com: com, question: question, details: details,
		yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		no:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no"))}
	return m, com.Arm(armedMsg{m: m})
}

// Help is the dialog's keys, for the README's key table (its View names them too).
func (m *Model) Help() []key.Binding { return []key.Binding{m.yes, m.no} }

// Update arms the dialog and, once armed, takes y or n.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case armedMsg:
		if msg.m == m {
			m.armed = true
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.no) {
			// Saying no is always safe, armed or not.
			return common.Cmd(Result{Dialog: m})
		}
		if m.armed && key.Matches(msg, m.yes) {
			return common.Cmd(Result{Dialog: m, Confirmed: true})
		}
	}
	return nil
}

// View draws the dialog as lines for the screen that holds it.
func (m *Model) View(width int) string {
	t := m.com.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render(common.Clip(m.question, width)) + "\n")
	for _, d := range m.details {
		for _, l := range common.Wrap(d, width) {
			b.WriteString(l + "\n")
		}
	}
	if m.armed {
		act := m.Act
		if act == "" {
			act = "sign"
		}
		b.WriteString(t.Header.Render(common.Clip("y "+act+" · n or esc cancel", width)))
	} else {
		b.WriteString(t.Muted.Render(common.Clip("Read it through… (keys are ignored for a moment)", width)))
	}
	return b.String()
}
