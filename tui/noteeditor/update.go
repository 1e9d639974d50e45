package noteeditor

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// saveDueMsg arrives SaveAfter a change; it saves only if nothing was typed since.
type saveDueMsg struct{ edits int }

type savedMsg struct {
	note  domain.Note
	edits int
	err   error
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case saveDueMsg:
		if msg.edits == m.edits && m.edits != m.saved {
			return m, m.save()
		}
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.problem = "Not saved: " + msg.err.Error()
			m.closing = false
			return m, nil
		}
		m.note, m.saved = msg.note, max(m.saved, msg.edits)
		switch {
		case m.edits != m.saved: // typed while saving: save that too
			return m, m.save()
		case m.closing:
			return m, m.close("Draft saved; sign it from the note (s) when it is complete.")
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, m.forward(msg)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
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
		return m.save()
	case key.Matches(msg, m.keys.Next):
		m.focus = (m.focus + 1) % fields
		return m.refocus()
	case key.Matches(msg, m.keys.Prev):
		m.focus = (m.focus + fields - 1) % fields
		return m.refocus()
	case m.focus == fieldType && key.Matches(msg, m.keys.Choose):
		step := 1
		if msg.Code == tea.KeyLeft {
			step = len(domain.NoteTypes) - 1
		}
		m.typ = (m.typ + step) % len(domain.NoteTypes)
		return m.changed()
	case m.focus == fieldType:
		return nil
	}
	before := m.values()
	cmd := m.forward(msg)
	if m.values() != before {
		return tea.Batch(cmd, m.changed())
	}
	return cmd
}

// close leaves the editor. Only then do the screens under it hear that the case
// changed: an autosave every pause in typing must not reload them (and write a
// "viewed" entry) each time.
func (m *Model) close(info string) tea.Cmd {
	if m.note.ID == 0 {
		return common.Back // nothing was ever saved
	}
	cmds := []tea.Cmd{common.Cmd(common.CaseChangedMsg{CaseID: m.note.CaseID})}
	if info != "" {
		cmds = append(cmds, common.Cmd(common.InfoMsg{Text: info}))
	}
	return tea.Sequence(append(cmds, common.Back)...)
}

// changed notes an edit and starts the timer that saves the draft when typing pauses.
func (m *Model) changed() tea.Cmd {
	m.edits++
	edits := m.edits
	return tea.Tick(SaveAfter, func(time.Time) tea.Msg { return saveDueMsg{edits: edits} })
}

func (m *Model) values() string {
	return strings.Join([]string{m.contact.Value(), m.duration.Value(), m.present.Value(), m.text.Value()}, "\x00")
}

// forward passes a message to the focused field.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.focus {
	case fieldContact:
		m.contact, cmd = m.contact.Update(msg)
	case fieldDuration:
		m.duration, cmd = m.duration.Update(msg)
	case fieldPresent:
		m.present, cmd = m.present.Update(msg)
	case fieldText:
		m.text, cmd = m.text.Update(msg)
	}
	return cmd
}

func (m *Model) refocus() tea.Cmd {
	m.contact.Blur()
	m.duration.Blur()
	m.present.Blur()
	m.text.Blur()
	switch m.focus {
	case fieldContact:
		return m.contact.Focus()
	case fieldDuration:
		return m.duration.Focus()
	case fieldPresent:
		return m.present.Focus()
	case fieldText:
		return m.text.Focus()
	}
	return nil
}

// draft is the note as typed. A contact time or duration that does not parse keeps its
// last good value, and the problem is shown, so the text is still saved.
func (m *Model) draft() domain.Note {
	n := m.note
	n.Type = domain.NoteTypes[m.typ]
	n.Present, n.Text = strings.TrimSpace(m.present.Value()), m.text.Value()
	m.problem = ""
	if t, err := ident.ParseLocalTime(m.contact.Value(), m.com.London); err != nil {
		m.problem = "Contact time not saved: " + err.Error()
	} else {
		n.ContactAt = t
	}
	switch d := strings.TrimSpace(m.duration.Value()); {
	case d == "":
		n.DurationMinutes = 0
	default:
		if v, err := strconv.Atoi(d); err != nil || v < 0 || v > 24*60 {
			m.problem = fmt.Sprintf("Duration %q not saved: give whole minutes, 0 to 1440.", d)
		} else {
			n.DurationMinutes = v
		}
	}
	return n
}

// save writes the draft as it stands.
func (m *Model) save() tea.Cmd {
	n, edits := m.draft(), m.edits
	m.saving = true
	ctx, saver, me, clk := m.com.Ctx, m.saver, m.com.Me.ID, m.com.Clock
	return func() tea.Msg {
		saved, err := saver.SaveNoteDraft(ctx, me, clk.Now(), n)
		return savedMsg{note: saved, edits: edits, err: err}
	}
}
