package forums

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// line is one line of the list: a week's heading, or a meeting (an index into shown).
type line struct {
	heading string
	k       int // index into shown; -1 for a heading
}

// apply works out what shows after the rows or the mine toggle changed, keeping the
// cursor on meeting was (read before the change) when it still shows, else on the
// nearest line, and the scroll where it was. A few dozen meetings at most, so one pass
// is cheap; drawing then only walks the lines on screen.
func (m *Model) apply(was int64) {
	m.shown, m.lines, m.at = m.shown[:0], m.lines[:0], m.at[:0]
	overdue := 0
	for i := range m.rows {
		r := &m.rows[i]
		if m.mine && r.on.ClinID != m.com.Me.ID {
			continue
		}
		if len(m.shown) == 0 || m.rows[m.shown[len(m.shown)-1]].week != r.week {
			m.lines = append(m.lines, line{heading: r.group, k: -1})
		}
		m.at = append(m.at, len(m.lines))
		m.lines = append(m.lines, line{k: len(m.shown)})
		m.shown = append(m.shown, i)
		if r.urgency == reportOverdue {
			overdue++
		}
	}
	m.counts = countsText(len(m.shown), overdue)
	m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].on.Meeting.ID == was })
	m.scroll()
}

// selected is the meeting under the cursor, or nil when none shows.
func (m *Model) selected() *row {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return nil
	}
	return &m.rows[ri]
}

func (m *Model) selectedID() int64 {
	if r := m.selected(); r != nil {
		return r.on.Meeting.ID
	}
	return 0
}

// scroll keeps the selected meeting on screen, with its week's heading when it is the
// first of its week, and works out the foot line for it. list.Window scrolls over rows;
// here the headings take lines too, so the first line on screen is kept apart.
func (m *Model) scroll() {
	m.foot = m.footFor(m.selected())
	h := m.listHeight()
	if len(m.at) == 0 || h <= 0 || m.win.Cursor >= len(m.at) {
		m.top = 0
		return
	}
	at := m.at[m.win.Cursor]
	first := at
	if at > 0 && m.lines[at-1].k < 0 {
		first = at - 1
	}
	if first < m.top {
		m.top = first
	}
	if at >= m.top+h {
		m.top = at - h + 1
	}
	m.top = min(max(m.top, 0), max(len(m.lines)-h, 0))
}

// footFor is the fields of r that no column shows whole, joined for the foot line: a
// dropped column's, or a name or chair cut short to fit its column.
func (m *Model) footFor(r *row) string {
	if r == nil {
		return ""
	}
	var words []string
next:
	for _, p := range r.footParts() {
		for _, c := range m.cols {
			if c.ID == p.col && ansi.StringWidth(p.value) <= c.Width {
				continue next
			}
		}
		words = append(words, p.words)
	}
	return strings.Join(words, " · ")
}

// listHeight is how many lines of the list fit between the summary and headings above
// and the foot line below.
func (m *Model) listHeight() int { return max(m.height-3, 0) }
