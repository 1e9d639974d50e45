package queue

import "strings"

// refilter recomputes which rows pass the filter after the rows changed (a load or a
// tick re-sorts them), keeping the cursor on the same referral when it still shows.
func (m *Model) refilter() {
	m.narrowings = m.narrowings[:0]
	m.summary = countRows(m.rows, m.total)
	m.applyFilter()
}

// applyFilter recomputes the matches after the query changed. Typing only narrows a
// query, so each keystroke searches the previous matches, not every row; the matches of
// each shorter query are kept, so backspace costs nothing.
func (m *Model) applyFilter() {
	selected := m.selectedID()
	q := m.filter.Value()
	for n := len(m.narrowings); n > 0 && !strings.HasPrefix(q, m.narrowings[n-1].query); n-- {
		m.narrowings = m.narrowings[:n-1]
	}
	group := statusGroups[m.group]
	switch n := len(m.narrowings); {
	case strings.TrimSpace(q) == "" && group.statuses == nil:
		m.shown = allRows(len(m.rows), m.shown)
	case n > 0 && m.narrowings[n-1].query == q:
		m.shown = append(m.shown[:0], m.narrowings[n-1].shown...)
	default:
		var within []int
		if n > 0 {
			within = m.narrowings[n-1].shown
		}
		found := match(m.rows, within, q, group)
		m.narrowings = append(m.narrowings, narrowing{query: q, shown: found})
		m.shown = append(m.shown[:0], found...)
	}
	m.selectID(selected)
}

// narrowing is the matches of one query, kept while the query only grows.
type narrowing struct {
	query string
	shown []int
}

func allRows(n int, into []int) []int {
	into = into[:0]
	for i := range n {
		into = append(into, i)
	}
	return into
}

func (m *Model) selectedID() int64 {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return 0
	}
	return m.rows[ri].ref.ID
}

// selectID puts the cursor on the referral with this id, or on the top row when it is
// not shown.
func (m *Model) selectID(id int64) {
	m.win.Select(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].ref.ID == id })
}

// listHeight is how many rows fit below the summary and headings.
func (m *Model) listHeight() int {
	h := m.height - 2
	if m.filter.Shown() {
		h--
	}
	return max(h, 0)
}

// clamp keeps the cursor on a row and the row on screen.
func (m *Model) clamp() { m.win.Clamp(len(m.shown), m.listHeight()) }
