package reports

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
)

// draw lays the report out for the width, keeping the scroll where it can.
func (m *Model) draw() {
	if !m.loaded || m.width <= 0 {
		m.lines, m.starts = nil, nil
		return
	}
	p := lay(&page{t: m.com.Theme, width: m.width}, m.report, m.com.Me.Leads())
	m.lines, m.starts = p.lines, p.starts
	m.clamp()
}

// bodyHeight is the room under the period line.
func (m *Model) bodyHeight() int { return max(m.height-1, 0) }

// View draws the period (with how far down the page is when it does not fit) and the
// lines of the report that fit.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	head := m.period.words(m.today)
	if m.loading {
		head += " (working the figures out…)"
	}
	h := m.bodyHeight()
	end := min(m.offset+h, len(m.lines))
	if len(m.lines) > h {
		// How far down the page is, so a commissioner knows there is more below.
		head = beside(head, fmt.Sprintf("lines %d-%d of %d", m.offset+1, end, len(m.lines)), m.width)
	}
	lines := []string{t.Title.Render(common.Fit(head, m.width))}
	switch {
	case m.failed && !m.loaded:
		lines = append(lines, t.Muted.Render(common.Fit("The figures could not be read: the status line says why.", m.width)))
	case !m.loaded:
		lines = append(lines, t.Muted.Render(common.Fit("Reading the figures…", m.width)))
	}
	lines = append(lines, m.lines[m.offset:end]...)
	return strings.Join(lines, "\n")
}

// beside is right written at the right of left in w cells, when both fit; else left.
func beside(left, right string, w int) string {
	room := w - lipgloss.Width(left) - lipgloss.Width(right)
	if room < 2 {
		return left
	}
	return left + strings.Repeat(" ", room) + right
}
