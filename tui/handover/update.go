package handover

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
	"caseload/tui/component/textsafe"
)

type handedMsg struct {
	h   domain.Handover
	to  string
	err error
}

// Update applies a message, then sizes the note to what the lines above now take.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s, cmd := m.update(msg)
	m.layout()
	return s, cmd
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.loads, m.loaded = m.choices(msg.loads), true
		return m, nil
	case confirm.Result:
		return m, m.answered(msg)
	case handedMsg:
		return m, m.handed(msg)
	case tea.KeyPressMsg:
		switch {
		case !m.loaded:
			return m, nil
		case m.dialog != nil:
			return m, m.dialog.Update(msg)
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.loaded && m.dialog == nil {
			return m, m.forward(msg)
		}
		return m, nil
	}
	if m.dialog != nil {
		return m, m.dialog.Update(msg)
	}
	return m, m.forward(msg)
}

// order is the fields shown: the reason only over the cap.
func (m *Model) order() []int {
	if m.overCap() {
		return []int{fieldWho, fieldNote, fieldReason}
	}
	return []int{fieldWho, fieldNote}
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		return common.Back
	case key.Matches(msg, k.Sign):
		return m.ask()
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		step := 1
		if key.Matches(msg, k.Prev) {
			step = -1
		}
		o := m.order()
		at := 0
		for i, f := range o {
			if f == m.focus {
				at = i
			}
		}
		m.focus = o[(at+step+len(o))%len(o)]
		return m.refocus()
	case m.focus == fieldWho && key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
		delete(m.refusals, fieldReason)
	case m.focus == fieldWho && key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.loads)-1, 0))
		delete(m.refusals, fieldReason)
	case m.focus == fieldWho:
		return nil // the clinician is chosen, not typed
	default:
		return m.forward(msg)
	}
	return nil
}

func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.focus {
	case fieldNote:
		m.note, cmd = m.note.Update(msg)
	case fieldReason:
		m.reason, cmd = textsafe.Update(m.reason, msg)
	}
	return cmd
}

func (m *Model) refocus() tea.Cmd {
	m.note.Blur()
	m.reason.Blur()
	switch m.focus {
	case fieldNote:
		return m.note.Focus()
	case fieldReason:
		return m.reason.Focus()
	}
	return nil
}

// ask checks what the handover needs, saying it under its field, then opens the
// confirmation naming exactly who the case goes to.
func (m *Model) ask() tea.Cmd {
	m.refusals, m.problem = map[int]string{}, ""
	to, ok := m.chosen()
	switch {
	case !ok:
		m.problem = "There is no other active clinician to hand this case to."
		return nil
	case strings.TrimSpace(m.note.Value()) == "":
		m.refusals[fieldNote] = "Write the handover note: what the new clinician needs to know."
		m.focus = fieldNote
		return m.refocus()
	case m.overCap() && strings.TrimSpace(m.reason.Value()) == "":
		m.refusals[fieldReason] = fmt.Sprintf("%s holds %d open cases and the cap is %d: give a reason to allocate one more.",
			to.Clinician.Name, to.Open, to.Cap)
		m.focus = fieldReason
		return m.refocus()
	}
	from := "no one"
	if m.from.ID != 0 {
		from = m.from.Name
	}
	details := []string{fmt.Sprintf("From %s to %s, who will hold %d open cases (the cap is %d).", from, to.Clinician.Name, to.Open+1, to.Cap),
		"The note is signed with your name, shows on the case's timeline and cannot be changed."}
	dialog, arm := confirm.New(m.com, fmt.Sprintf("Hand the case of %s over to %s?", m.person, to.Clinician.Name), details...)
	dialog.Subject = domain.Handover{CaseID: m.caseID, To: to.Clinician.ID, Note: m.note.Value(),
		OverCapReason: strings.TrimSpace(m.reason.Value())}
	dialog.Act = "sign and hand over"
	m.dialog = dialog
	return arm
}

func (m *Model) answered(r confirm.Result) tea.Cmd {
	if m.dialog == nil || r.Dialog != m.dialog {
		return nil
	}
	m.dialog = nil
	h, ok := r.Dialog.Subject.(domain.Handover)
	if !r.Confirmed || !ok {
		return common.Cmd(common.InfoMsg{Text: "Not handed over."})
	}
	to, _ := m.chosen()
	ctx, src, me, clk, seen := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock, m.from.ID
	return func() tea.Msg {
		got, err := src.HandOver(ctx, me, clk.Now(), h, seen)
		return handedMsg{h: got, to: to.Clinician.Name, err: err}
	}
}

// handed leaves once the case is handed over; a refusal keeps the note and the reason
// and says why, under the reason when it is the cap.
func (m *Model) handed(msg handedMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, domain.ErrOverCap) {
			m.refusals[fieldReason] = msg.err.Error()
			m.focus = fieldReason
			return m.refocus()
		}
		m.problem = "Not handed over: " + msg.err.Error()
		return nil
	}
	return tea.Sequence(common.Cmd(common.CaseChangedMsg{CaseID: m.caseID}),
		common.Cmd(common.InfoMsg{Text: fmt.Sprintf("The case of %s is handed over to %s; the note is on its timeline.", m.person, msg.to)}),
		common.Back)
}
