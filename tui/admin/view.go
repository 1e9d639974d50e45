package admin

import (
	"strings"

	"caseload/tui/common"
)

// View draws the summary and the lines on screen. Overdue checks are in the overdue
// style, and their words ("FAILED", "No backup yet") say it without colour.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	summary := m.com.Me.Name + " (IT): the team, keys, backups and the file; no clinical records"
	out := []string{t.Title.Render(common.Clip(summary, m.width))}
	for i := m.offset; i < len(m.lines) && len(out) < m.height; i++ {
		out = append(out, m.draw(m.lines[i]))
	}
	return strings.Join(out, "\n")
}

func (m *Model) draw(l line) string {
	t := m.com.Theme
	switch l.kind {
	case lineHeading:
		return t.Section.Render(common.Clip(l.text, m.width))
	case lineColumns:
		return t.Header.Render(l.text)
	case lineMuted:
		return t.Muted.Render(l.text)
	case lineCheck:
		if l.when == "" {
			return l.text
		}
		when := t.Due
		if l.urgent {
			when = t.Overdue
		}
		gap := "  "
		if strings.TrimSpace(l.text) == "" {
			gap = ""
		}
		return l.text + gap + when.Render(l.when)
	}
	return l.text
}
