package home

import "strings"

// View draws the summary and the lines on screen, laid out beforehand: the cursor's
// mark and the styles are all it adds. Overdue words are in the overdue style, and the
// ⚠ mark and the words say it without colour.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	var out []string
	for _, l := range m.page.summary {
		out = append(out, t.Title.Render(l))
	}
	for i := m.offset; i < len(m.page.body) && len(out) < m.height; i++ {
		out = append(out, m.drawLine(m.page.body[i]))
	}
	return strings.Join(out, "\n")
}

func (m *Model) drawLine(l bodyLine) string {
	t := m.com.Theme
	switch l.kind {
	case lineHeading:
		return t.Section.Render(l.text)
	case lineNote:
		return t.Muted.Render(l.text)
	}
	selected := l.item == m.cursor
	head, gap := "      ", "" // a line of clock words sits under its item's text
	if l.kind == lineItem {
		mark := "  "
		if selected {
			mark = "› "
		}
		head = mark + l.lead + l.text
		if l.when != "" {
			gap = "  "
		}
	}
	if selected {
		return t.Selected.Render(head + gap + l.when)
	}
	if l.when == "" {
		return head
	}
	when := t.Due
	if l.urgent {
		when = t.Overdue
	}
	return head + gap + when.Render(l.when)
}
