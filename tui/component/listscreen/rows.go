package listscreen

import (
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// SetRows puts rows that were read (again) in place of those shown, keeping the filter,
// the scroll and the cursor on the same record, or on the nearest row when it has gone.
// The columns are measured again, so they follow what the rows hold.
func (m *Model[R]) SetRows(rows []R) {
	was, ok := m.selectedID()
	m.loaded, m.rows = true, rows
	m.measure()
	m.Relayout()
	m.keep(was, ok)
}

// Keep works out the rows shown again after they changed in place (a tick re-sorts the
// queue's clocks), putting the cursor on record was, else on the nearest row.
func (m *Model[R]) Keep(was int64) { m.keep(was, true) }

// keep is Keep; with no record under the cursor before (ok false) none is looked for,
// since an id of 0 may name a row (the Team screen's cases nobody holds).
func (m *Model[R]) keep(was int64, ok bool) {
	m.shown = m.match()
	m.win.Keep(m.shown, m.Height(), func(ri int) bool { return ok && m.spec.ID(&m.rows[ri]) == was })
	m.group()
}

// Refilter works out the rows shown after the query or a toggle changed, keeping the
// cursor on the same record when it still shows, else on the top row.
func (m *Model[R]) Refilter() {
	was, ok := m.selectedID()
	m.shown = m.match()
	m.win.Select(m.shown, m.Height(), func(ri int) bool { return ok && m.spec.ID(&m.rows[ri]) == was })
	m.group()
}

// Select puts the cursor on the record with this id, or on the top row when it is not
// shown.
func (m *Model[R]) Select(id int64) {
	m.win.Select(m.shown, m.Height(), func(ri int) bool { return m.spec.ID(&m.rows[ri]) == id })
	m.group()
}

func (m *Model[R]) match() []int {
	if m.spec.Match != nil {
		return m.spec.Match(m.filter.Value())
	}
	return filter.Match(len(m.rows), m.filter.Value(), func(i int) (string, bool) {
		r := &m.rows[i]
		if m.spec.Keep != nil && !m.spec.Keep(r) {
			return "", false
		}
		return m.spec.Haystack(r), true
	})
}

// measure works out how wide each column's longest value is, so the layout can give it
// that room when there is some. It runs when rows arrive, never on a keystroke.
func (m *Model[R]) measure() {
	s := m.spec.Columns
	s.Fixed = append([]list.Column(nil), s.Fixed...)
	if m.spec.Measure != nil {
		m.wants = m.spec.Measure(s)
		return
	}
	s.NameMax = ansi.StringWidth(s.Name.Heading)
	for i := range s.Fixed {
		s.Fixed[i].Want = max(s.Fixed[i].Width, ansi.StringWidth(s.Fixed[i].Heading))
	}
	for ri := range m.rows {
		r := &m.rows[ri]
		text, _ := m.spec.Cell(r, s.Name.ID)
		s.NameMax = max(s.NameMax, ansi.StringWidth(text))
		for i := range s.Fixed {
			text, _ := m.spec.Cell(r, s.Fixed[i].ID)
			s.Fixed[i].Want = max(s.Fixed[i].Want, ansi.StringWidth(text))
		}
	}
	if len(m.rows) == 0 {
		s.NameMax = 0 // nothing measured: the name takes the room
	}
	m.wants = s
}

// Height is how many lines of rows fit: the screen's lines above, the headings, the
// filter line and the screen's lines below take the rest.
func (m *Model[R]) Height() int {
	h := m.height - m.above - 1 - m.below
	if m.filter.Shown() {
		h--
	}
	return max(h, 0)
}

// Clamp keeps the cursor on a row and the row on screen.
func (m *Model[R]) Clamp() {
	m.win.Clamp(len(m.shown), m.Height())
	m.scroll()
}

// group works out the lines the shown rows make with their headings, when the screen
// groups its rows, and keeps the cursor's line on screen. A few dozen rows at most are
// grouped, so one pass is cheap.
func (m *Model[R]) group() {
	if m.spec.Group == nil {
		return
	}
	m.lines, m.at = m.lines[:0], m.at[:0]
	last := ""
	for k, ri := range m.shown {
		if g := m.spec.Group(&m.rows[ri]); k == 0 || g != last {
			m.lines = append(m.lines, line{heading: g, k: -1})
			last = g
		}
		m.at = append(m.at, len(m.lines))
		m.lines = append(m.lines, line{k: k})
	}
	m.scroll()
}

// scroll keeps the cursor's line on screen, with its heading when it is the first under
// it. list.Window scrolls over rows; with headings the first line on screen is kept
// apart (top).
func (m *Model[R]) scroll() {
	if m.spec.Group == nil {
		return
	}
	h := m.Height()
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

// Move moves the cursor by d rows.
func (m *Model[R]) Move(d int) {
	m.win.Move(d, len(m.shown), m.Height())
	m.scroll()
}
