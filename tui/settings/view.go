package settings

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// labelWidth is the settings' names column.
const labelWidth = 20

// View draws both sections; the line under the cursor is marked with › as well as
// reverse, and a value chosen but not saved says so in words.
func (m *Model) View() string {
	if !m.loaded {
		return "Reading the settings…"
	}
	lines, at := m.lines()
	h := max(m.height, 1)
	switch {
	case at < m.top:
		m.top = at
	case at >= m.top+h:
		m.top = at - h + 1
	}
	m.top = max(min(m.top, len(lines)-h), 0)
	return strings.Join(lines[m.top:min(m.top+h, len(lines))], "\n")
}

// lines are every line of the screen and the index of the cursor's.
func (m *Model) lines() ([]string, int) {
	t := m.com.Theme
	var out []string
	at := 0
	where := "not saved in team mode"
	if m.path != "" {
		where = "saved in " + m.path
	}
	out = append(out, t.Section.Render("Yours")+t.Muted.Render(" · "+where))
	for _, p := range m.problems {
		for _, l := range common.Wrap(p.String(), max(m.width-2, 10)) {
			out = append(out, "  "+t.Error.Render(l))
		}
	}
	for i, r := range m.rows {
		if i > 0 && r.service && !m.rows[i-1].service {
			out = append(out, "", t.Section.Render("The service's")+t.Muted.Render(" · for everyone, in the database; a lead changes them"))
		}
		if i == m.cursor {
			at = len(out)
		}
		out = append(out, m.line(r, i == m.cursor)...)
	}
	for i, l := range out {
		out[i] = common.Clip(l, max(m.width, 1))
	}
	return out, at
}

// line is one setting: mark, name, value (‹ › around a value that can be changed, and
// "was …, enter saves" while a new one is chosen), and what it means.
func (m *Model) line(r row, focused bool) []string {
	t := m.com.Theme
	mark := "  "
	if focused {
		mark = "› "
	}
	value := m.shown(r, r.chosen)
	if r.readOnly == "" && focused {
		value = "‹ " + value + " ›"
	}
	if r.chosen != r.saved {
		value += " (was " + m.shown(r, r.saved) + ": enter saves)"
	}
	lw := min(labelWidth, max(m.width/3, 6))
	label := common.Fit(r.label, lw)
	rest := max(m.width-2-lw-1, 1)
	n := m.note(r)
	fits := n != "" && ansi.StringWidth(value)+2+ansi.StringWidth(n) <= rest
	text := value
	switch {
	case fits:
		text = value + "  " + t.Muted.Render(n)
	case n != "" && !focused && ansi.StringWidth(value)+4 < rest:
		text = value + "  " + t.Muted.Render(common.Clip(n, rest-ansi.StringWidth(value)-2))
	}
	l := mark + label + " " + common.Clip(text, rest)
	if !focused {
		return []string{l}
	}
	out := []string{t.Selected.Render(ansi.Strip(common.Fit(l, m.width)))}
	if !fits && n != "" {
		// The line in focus says in full what its value means, however narrow.
		for _, w := range common.Wrap(n, max(m.width-4, 10)) {
			out = append(out, "    "+t.Muted.Render(w))
		}
	}
	return out
}
