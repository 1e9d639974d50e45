package closing

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/confirm"
)

// Update applies a message, then sizes the text area to what the fields above now take.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s, cmd := m.update(msg)
	m.layout()
	return s, cmd
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if out, cmd := m.auto.Update(msg); out.Mine {
		switch {
		case out.Err != nil:
			m.signing = false
			return m, m.refused(out.Err)
		case out.Close:
			return m, m.close("Discharge summary saved; the case stays open until it is signed (c on the case, then ctrl+g).")
		case out.Saved:
			m.problem = ""
			delete(m.refusals, "")
			if m.signing && !m.auto.Unsaved() && !m.auto.Saving() {
				m.signing = false
				return m, tea.Batch(cmd, m.ask())
			}
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.loaded = true
		if msg.found {
			m.auto.Load(msg.draft)
		}
		m.fill(msg.draft)
		m.focus = fieldReason
		if msg.found {
			m.focus = partField
		}
		return m, m.refocus()
	case otherMsg:
		return m, m.other(msg)
	case keptMsg:
		return m, m.kept(msg)
	case closedMsg:
		return m, m.closed(msg)
	case confirm.Result:
		return m, m.answered(msg)
	case common.DataChangedMsg:
		return m, m.check()
	case tea.KeyPressMsg:
		switch {
		case !m.loaded:
			return m, nil
		case m.dialog != nil:
			return m, m.dialog.Update(msg)
		case m.conflict != nil:
			if cmd, ok := m.conflictKey(msg); ok {
				return m, cmd
			}
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if !m.loaded || m.dialog != nil {
			return m, nil
		}
		return m, m.enter(msg)
	}
	if m.dialog != nil {
		return m, m.dialog.Update(msg)
	}
	return m, m.forward(msg)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		done, cmd := m.auto.Close()
		if done {
			return m.close("")
		}
		m.leaving = true
		return cmd
	case key.Matches(msg, k.SaveNow):
		return m.auto.Save()
	case key.Matches(msg, k.Sign):
		return m.sign()
	case key.Matches(msg, k.Next):
		return m.move(1)
	case key.Matches(msg, k.Prev):
		return m.move(-1)
	case m.focus == fieldReason && key.Matches(msg, k.Choose):
		n := len(domain.ClosingReasons)
		switch {
		case m.reason < 0 && msg.Code == tea.KeyLeft:
			m.reason = n - 1
		case msg.Code == tea.KeyLeft:
			m.reason = (m.reason + n - 1) % n
		default:
			m.reason = (m.reason + 1) % n
		}
		delete(m.refusals, domain.FieldClosingReason)
		return m.auto.Changed()
	case m.focus == fieldReason:
		return nil // the reason is chosen, not typed
	}
	return m.enter(msg)
}

// enter gives a key or a paste to the focused field and, when it changed what is
// typed, starts the autosave: a pasted paragraph is saved like typing.
func (m *Model) enter(msg tea.Msg) tea.Cmd {
	before := m.values()
	cmd := m.forward(msg)
	if m.values() != before {
		return tea.Batch(cmd, m.auto.Changed())
	}
	return cmd
}

// close leaves the form; only then do the screens under it reload the case (see
// noteeditor's close).
func (m *Model) close(info string) tea.Cmd {
	if m.auto.Base().ID == 0 && info == "" {
		return common.Back // nothing was ever saved
	}
	cmds := []tea.Cmd{common.Cmd(common.CaseChangedMsg{CaseID: m.caseID})}
	if info != "" {
		cmds = append(cmds, common.Cmd(common.InfoMsg{Text: info}))
	}
	return tea.Sequence(append(cmds, common.Back)...)
}
