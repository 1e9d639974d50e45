package formulationeditor

import (
	"errors"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

var errDraftOfAnother = errors.New("another clinician has a draft of this formulation open; drafts belong to their author, so it can be edited only by them or once they sign it")

func itoa(n int) string { return strconv.Itoa(n) }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if out, cmd := m.auto.Update(msg); out.Mine {
		switch {
		case out.Err != nil:
			return m, m.refused(out.Err)
		case out.Close:
			return m, m.close("Formulation draft saved; sign it on the case's formulation tab (s).")
		case out.Saved:
			m.problem, m.draft = "", out.Draft
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.draft, m.loaded = msg.draft, true
		m.auto.Load(msg.draft)
		m.fill(msg.draft)
		return m, m.area.Focus()
	case otherMsg:
		return m, m.other(msg)
	case keptMsg:
		return m, m.kept(msg)
	case common.DataChangedMsg:
		return m, m.check()
	case tea.KeyPressMsg:
		if !m.loaded {
			return m, nil
		}
		if m.conflict != nil {
			if cmd, ok := m.conflictKey(msg); ok {
				return m, cmd
			}
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if !m.loaded {
			return m, nil
		}
		return m, m.enter(msg)
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return m, cmd
}

// fill puts the sections of f in the editor, on the section being written.
func (m *Model) fill(f domain.Formulation) {
	m.texts = map[domain.SectionID]string{}
	for k, v := range f.Sections {
		m.texts[k] = v
	}
	m.area.SetValue(m.texts[domain.FormulationSections[m.section].ID])
	m.area.MoveToEnd()
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := len(domain.FormulationSections)
	switch {
	case key.Matches(msg, m.keys.Close):
		done, cmd := m.auto.Close()
		if done {
			return m.close("")
		}
		m.leaving = true
		return cmd
	case key.Matches(msg, m.keys.SaveNow):
		return m.auto.Save()
	case key.Matches(msg, m.keys.NextSection):
		return m.show((m.section + 1) % n)
	case key.Matches(msg, m.keys.PrevSection):
		return m.show((m.section + n - 1) % n)
	}
	return m.enter(msg)
}

// enter gives a key or a paste to the section being written and, when it changed the
// text, starts the autosave: a pasted paragraph is saved like typing.
func (m *Model) enter(msg tea.Msg) tea.Cmd {
	before := m.area.Value()
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	if m.area.Value() != before {
		m.texts[domain.FormulationSections[m.section].ID] = m.area.Value()
		return tea.Batch(cmd, m.auto.Changed())
	}
	return cmd
}

// close leaves the editor; only then do the screens under it reload the case (see
// noteeditor's close).
func (m *Model) close(info string) tea.Cmd {
	if m.auto.Base().ID == 0 && info == "" {
		return common.Back
	}
	cmds := []tea.Cmd{common.Cmd(common.CaseChangedMsg{CaseID: m.caseID})}
	if info != "" {
		cmds = append(cmds, common.Cmd(common.InfoMsg{Text: info}))
	}
	return tea.Sequence(append(cmds, common.Back)...)
}

// show moves to section i, keeping what was typed in the one being left.
func (m *Model) show(i int) tea.Cmd {
	m.texts[domain.FormulationSections[m.section].ID] = m.area.Value()
	m.section = i
	m.area.SetValue(m.texts[domain.FormulationSections[i].ID])
	m.area.MoveToEnd() // most edits add to what is there
	return m.area.Focus()
}
