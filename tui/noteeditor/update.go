package noteeditor

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/textsafe"
)

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if out, cmd := m.auto.Update(msg); out.Mine {
		switch {
		case out.Err != nil:
			return m, m.refused(out.Err)
		case out.Close && m.keptNew:
			// The screen under is the note the other window changed or signed: say
			// where this text went, not to sign that one.
			return m, m.close("Your text is kept as a new draft of this case: Today lists it with your drafts.")
		case out.Close:
			return m, m.close("Draft saved; sign it from the note (s) when it is complete.")
		case out.Saved:
			m.note.ID, m.note.Revision = out.Draft.ID, out.Draft.Revision
			m.problem = ""
			m.draft() // a contact time still wrong is still said
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case otherMsg:
		return m, m.other(msg)
	case common.DataChangedMsg:
		return m, m.check()
	case tea.KeyPressMsg:
		if m.conflict != nil {
			if cmd, ok := m.conflictKey(msg); ok {
				return m, cmd
			}
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		return m, m.paste(msg)
	}
	return m, m.forward(msg)
}

// paste puts pasted text in the focused field (on the type chooser, in the note's
// text, as typing there does) and saves it like typing.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	var focus tea.Cmd
	if m.focus == fieldType {
		m.focus = fieldText
		focus = m.refocus()
	}
	before := m.values()
	cmd := m.forward(msg)
	if m.values() != before {
		return tea.Batch(focus, cmd, m.auto.Changed())
	}
	return tea.Batch(focus, cmd)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Close):
		done, cmd := m.auto.Close()
		if done {
			return m.close("")
		}
		return cmd
	case key.Matches(msg, m.keys.SaveNow):
		return m.auto.Save()
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
		return m.auto.Changed()
	case m.focus == fieldType && typesText(msg):
		m.focus = fieldText
		return tea.Batch(m.refocus(), m.key(msg))
	case m.focus == fieldType:
		return nil
	}
	before := m.values()
	cmd := m.forward(msg)
	if m.values() != before {
		return tea.Batch(cmd, m.auto.Changed())
	}
	return cmd
}

// close leaves the editor. Only then do the screens under it hear that the case
// changed: an autosave every pause in typing must not reload them (and write a
// "viewed" entry) each time.
func (m *Model) close(info string) tea.Cmd {
	if m.auto.Base().ID == 0 {
		return common.Back // nothing was ever saved
	}
	cmds := []tea.Cmd{common.Cmd(common.CaseChangedMsg{CaseID: m.caseID})}
	if info != "" {
		cmds = append(cmds, common.Cmd(common.InfoMsg{Text: info}))
	}
	return tea.Sequence(append(cmds, common.Back)...)
}

func (m *Model) values() string {
	return strings.Join([]string{m.contact.Value(), m.duration.Value(), m.present.Value(), m.text.Value()}, "\x00")
}

// forward passes a message to the focused field.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.focus {
	case fieldContact:
		m.contact, cmd = textsafe.Update(m.contact, msg)
	case fieldDuration:
		m.duration, cmd = textsafe.Update(m.duration, msg)
	case fieldPresent:
		m.present, cmd = textsafe.Update(m.present, msg)
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
	n.CaseID = m.caseID
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
