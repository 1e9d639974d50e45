package noteeditor

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
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
	case m.auto.Saving():
		status = "Saving…"
	case m.auto.Unsaved():
		status = "Unsaved changes (saving when you pause)"
	case m.auto.Base().ID == 0:
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
	body := m.text.View()
	if c := m.conflict; c != nil {
		// The choices replace the status and problem lines; on a short window they are
		// cut before the text is, and the text area gives up the rows they take.
		cl := c.Lines(t, m.com.London, m.width, "draft")
		cl = cl[:min(len(cl), max(m.height-len(lines)-1, 1))]
		lines = append(append(lines[:4], cl...), label(fieldText, "Note"))
		h := max(m.height-len(lines), 1)
		rows := strings.Split(body, "\n")
		if c.Sides {
			rows = autosave.SideBySide("Yours (not saved)", m.text.Value(), "Stored now", c.Other, m.width, h)
		}
		body = strings.Join(rows[:min(len(rows), h)], "\n")
	}
	for i := range lines {
		lines[i] = common.Clip(lines[i], m.width)
	}
	return strings.Join(lines, "\n") + "\n" + body
}

// ShortHelp lists the keys for the footer: in conflict, the choices.
func (m *Model) ShortHelp() []key.Binding {
	if m.conflict != nil {
		return m.conflict.Help(m.ckeys)
	}
	out := []key.Binding{m.keys.Next, m.keys.Prev}
	if m.focus == fieldType {
		out = append(out, m.keys.Choose)
	}
	return append(out, m.keys.SaveNow, m.keys.Close)
}

// FullHelp lists the keys that work now, as the footer does: the conflict's choices
// only while there is one (help lists only live keys).
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
