package form

import (
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Confirmation is what a form that signs asks before its save runs (Spec.Confirm): the
// question, what exactly is signed, and the word for y ("sign" unless given).
type Confirmation struct {
	Question string
	Details  []string
	Act      string
}

// ask opens the confirmation before save: until it is answered the form waits (its
// keys go to the dialog), and nothing is written.
func (m *Model) ask(save tea.Cmd) tea.Cmd {
	c := m.spec.Confirm()
	dialog, arm := confirm.New(m.com, c.Question, c.Details...)
	dialog.Act = c.Act
	m.dialog, m.pending, m.saving = dialog, save, false
	// What an earlier submit was refused for has been put right: it would stand over
	// the question as if it still held.
	m.problems = nil
	m.SetSize(m.width, m.height)
	return arm
}

// dialogUpdate gives msg to the open confirmation; handled is false for messages the
// form goes on handling (another process's commit, a settle's expiry).
func (m *Model) dialogUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case confirm.Result:
		if msg.Dialog != m.dialog {
			return nil, true
		}
		m.dialog = nil
		save := m.pending
		m.pending = nil
		if msg.Confirmed {
			m.saving = true
			return save, true
		}
		// Back to the form as it was, everything typed kept, to change or sign later.
		return tea.Batch(m.refuse(nil), common.Cmd(common.InfoMsg{Text: "Not signed: nothing was saved."})), true
	case tea.KeyPressMsg:
		return m.dialog.Update(msg), true
	case tea.PasteMsg:
		return nil, true
	}
	return m.dialog.Update(msg), false
}
