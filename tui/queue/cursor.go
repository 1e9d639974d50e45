package queue

import "strings"

// swap puts a load's rows, when it read any, in place of the ones shown, keeping the
// filter, the status group, the scroll and the cursor on the same referral (or the
// nearest row when it no longer shows), then on the referral just saved, if any.
func (m *Model) swap(msg loadedMsg) {
	if msg.fresh {
		m.drafts, m.now = msg.drafts, msg.now
	}
	m.mark = msg.mark
	if !msg.same {
		selected := m.selectedID()
		m.loaded, m.rows, m.total = true, msg.rows, len(msg.rows)
		m.refilter(selected)
	}
	if m.land != 0 && msg.read >= m.landFrom {
		m.selectID(m.land)
		m.land = 0
	}
}

// refilter recomputes which rows pass the filter after the rows changed (a load or a
// tick re-sorts them), putting the cursor back on referral was when it still shows,
// else on the nearest row. was is read before the rows change: the shown indexes
// point into the old rows.
func (m *Model) refilter(was int64) {
	m.narrowings = m.narrowings[:0]
	m.summary = countRows(m.rows, m.total)
	m.match()
	m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].ref.ID == was })
}

// applyFilter recomputes the matches after the query changed, keeping the cursor on the
// same referral when it still matches, else on the top row.
func (m *Model) applyFilter() {
	selected := m.selectedID()
	m.match()
	m.selectID(selected)
}

// match works out the rows shown. Typing only narrows a query, so each keystroke
// searches the previous matches, not every row; the matches of each shorter query are
// kept, so backspace costs nothing.
func (m *Model) match() {
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
