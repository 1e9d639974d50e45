package search

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// indent puts a snippet under its heading, clear of the selection marker.
const indent = "    "

// View draws the box, a line saying where the search stands, and the results that fit,
// two lines each.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := []string{common.Clip(m.input.View(), m.width), m.statusLine()}
	for i := m.offset; i < len(m.hits) && i < m.offset+m.visible(); i++ {
		lines = append(lines, m.headLine(m.hits[i], i == m.cursor), m.snippetLine(m.hits[i]))
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// statusLine says what the results below answer, or why there are none.
func (m *Model) statusLine() string {
	t := m.com.Theme
	q := m.query()
	var s string
	switch {
	case q == "":
		s = "Type to search signed notes, addenda, formulations and your own drafts."
	case q != m.answered:
		s = "Searching…"
	case m.failed:
		return t.Error.Render(common.Fit(fmt.Sprintf("Could not search for “%s”.", q), m.width))
	case len(m.hits) == 0:
		s = fmt.Sprintf("No matches for “%s”.", q)
	case len(m.hits) == 1:
		s = "1 match"
	case len(m.hits) >= limit:
		s = fmt.Sprintf("The first %d matches: add words to narrow them.", limit)
	default:
		s = domain.Count(len(m.hits), "match", "matches")
	}
	return t.Muted.Render(common.Fit(s, m.width))
}

// headLine is what a hit is, when and whose: "› note draft   12 Nov 2026 Jane Doe".
func (m *Model) headLine(h hit, selected bool) string {
	t := m.com.Theme
	mark := "  "
	if selected {
		mark = "› "
	}
	kind := h.kind
	if m.width >= 2*kindWidth+14 {
		// Padded so that dates and names line up, when that leaves room for the name.
		kind = common.Fit(kind, kindWidth)
	}
	if !h.res.Signed && !selected {
		kind = t.Unknown.Render(kind)
	}
	line := common.Clip(mark+kind+" "+h.day+"  "+h.res.Person, m.width)
	if selected {
		return t.Selected.Render(line)
	}
	return line
}

// snippetLine is the matching text with each match styled; the style is bold and
// underlined as well as coloured, so matches show without colour too.
func (m *Model) snippetLine(h hit) string {
	room := m.width - len(indent)
	if room <= 0 {
		return ""
	}
	match := m.com.Theme.Title.Underline(true)
	var b strings.Builder
	used := 0
	for _, p := range h.snippet {
		text := common.Clip(p.text, room-used)
		clipped := text != p.text // the line is full: nothing more fits after it
		used += ansi.StringWidth(text)
		if p.match {
			text = match.Render(text)
		}
		b.WriteString(text)
		if clipped {
			break
		}
	}
	return indent + b.String()
}

// visible is how many hits fit under the box and the status line.
func (m *Model) visible() int { return max((m.height-2)/2, 0) }

func (m *Model) pageSize() int { return max(m.visible()-1, 1) }

func (m *Model) move(n int) {
	m.cursor += n
	m.clamp()
}

// clamp keeps the cursor on a hit and the hit on screen.
func (m *Model) clamp() {
	m.cursor = min(max(m.cursor, 0), max(len(m.hits)-1, 0))
	h := m.visible()
	if h == 0 {
		m.offset = m.cursor
		return
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = min(max(m.offset, 0), max(len(m.hits)-h, 0))
}
