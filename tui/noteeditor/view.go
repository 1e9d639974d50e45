package noteeditor

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// SetSize gives the text area what the fields above it leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.text.SetWidth(max(w, 1))
	m.text.SetHeight(max(h-7, 1))
	m.present.SetWidth(max(w-18, 1))
	m.contact.SetWidth(16)
	m.duration.SetWidth(5)
}

// View draws the fields, then the text.
func (m *Model) View() string {
	t := m.com.Theme
	label := func(i int, s string) string {
		if i == m.focus {
			return t.Title.Render(common.Fit("› "+s, 16))
		}
		return t.Label.Render(common.Fit("  "+s, 16))
	}
	typ := domain.NoteTypes[m.typ].Label()
	if m.focus == fieldType {
		typ = "← " + typ + " →"
	}
	status := "Draft saved"
	switch {
	case m.saving:
		status = "Saving…"
	case m.edits != m.saved:
		status = "Unsaved changes (saving when you pause)"
	case m.note.ID == 0:
		status = "Not saved yet"
	}
	problem := ""
	if m.problem != "" {
		problem = t.Error.Render(common.Clip(m.problem, m.width))
	}
	lines := []string{
		label(fieldType, "Type") + typ,
		label(fieldContact, "Contact") + m.contact.View() + t.Muted.Render("  when it happened, London time"),
		label(fieldDuration, "Minutes") + m.duration.View(),
		label(fieldPresent, "Present") + m.present.View(),
		t.Muted.Render(common.Clip(status, m.width)),
		problem,
		label(fieldText, "Note"),
	}
	for i := range lines {
		lines[i] = common.Clip(lines[i], m.width)
	}
	return strings.Join(lines, "\n") + "\n" + m.text.View()
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	out := []key.Binding{m.keys.Next, m.keys.Prev}
	if m.focus == fieldType {
		out = append(out, m.keys.Choose)
	}
	return append(out, m.keys.SaveNow, m.keys.Close)
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Next, m.keys.Prev, m.keys.Choose, m.keys.SaveNow, m.keys.Close}}
}
