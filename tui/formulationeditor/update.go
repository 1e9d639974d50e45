package formulationeditor

import (
	"errors"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

var errDraftOfAnother = errors.New("another clinician has a draft of this formulation open; drafts belong to their author, so it can be edited only by them or once they sign it")

type saveDueMsg struct{ edits int }

type savedMsg struct {
	draft domain.Formulation
	edits int
	err   error
}

func itoa(n int) string { return strconv.Itoa(n) }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.draft, m.loaded = msg.draft, true
		for k, v := range msg.draft.Sections {
			m.texts[k] = v
		}
		m.area.SetValue(m.texts[domain.FormulationSections[0].ID])
		m.area.MoveToEnd()
		return m, m.area.Focus()
	case saveDueMsg:
		if msg.edits == m.edits && m.edits != m.saved && !m.saving {
			return m, m.save()
		}
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.problem, m.closing = "Not saved: "+msg.err.Error(), false
			return m, nil
		}
		m.problem = ""
		m.draft, m.saved = msg.draft, max(m.saved, msg.edits)
		switch {
		case m.edits != m.saved:
			return m, m.save()
		case m.closing:
			return m, m.close("Formulation draft saved; sign it on the case's formulation tab (s).")
		}
		return m, nil
	case tea.KeyPressMsg:
		if !m.loaded {
			return m, nil
		}
		return m, m.key(msg)
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := len(domain.FormulationSections)
	switch {
	case key.Matches(msg, m.keys.Close):
		if m.edits == m.saved && !m.saving {
			return m.close("")
		}
		m.closing = true
		if m.saving {
			return nil
		}
		return m.save()
	case key.Matches(msg, m.keys.SaveNow):
		if m.saving {
			return nil
		}
		return m.save()
	case key.Matches(msg, m.keys.NextSection):
		return m.show((m.section + 1) % n)
	case key.Matches(msg, m.keys.PrevSection):
		return m.show((m.section + n - 1) % n)
	}
	before := m.area.Value()
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	if m.area.Value() != before {
		m.texts[domain.FormulationSections[m.section].ID] = m.area.Value()
		m.edits++
		edits := m.edits
		return tea.Batch(cmd, tea.Tick(SaveAfter, func(time.Time) tea.Msg { return saveDueMsg{edits: edits} }))
	}
	return cmd
}

// close leaves the editor; only then do the screens under it reload the case (see
// noteeditor's close).
func (m *Model) close(info string) tea.Cmd {
	if m.draft.ID == 0 {
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

func (m *Model) save() tea.Cmd {
	f := m.draft
	f.Sections = map[domain.SectionID]string{}
	for k, v := range m.texts {
		f.Sections[k] = v
	}
	m.saving = true
	ctx, src, me, clk, edits := m.com.Ctx, m.src, m.com.Me.ID, m.com.Clock, m.edits
	return func() tea.Msg {
		saved, err := src.SaveFormulationDraft(ctx, me, clk.Now(), f)
		return savedMsg{draft: saved, edits: edits, err: err}
	}
}
