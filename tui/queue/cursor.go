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
		m.loaded, m.total = true, len(msg.rows)
		m.setRows(msg.rows, msg.keys, msg.nameMax)
	}
	if m.land != 0 && msg.read >= m.landFrom {
		m.list.Select(m.land)
		m.land = 0
	}
}

// setRows puts rows read from the store in place, the matches of the old rows forgotten,
// with their match keys and the width of the longest name among them, all worked out
// in the load command, off the UI goroutine.
func (m *Model) setRows(rows []row, keys []matchKey, nameMax int) {
	m.nameMax = nameMax
	m.narrowings = m.narrowings[:0]
	m.summary = countRows(rows, m.total)
	m.list.SetRows(rows)
	m.matchKeys = keys
}

// refilter recomputes which rows pass the filter after the rows changed in place (a
// tick re-sorts them), putting the cursor back on referral was when it still shows,
// else on the nearest row. was is read before the rows change.
func (m *Model) refilter(was int64) {
	m.narrowings = m.narrowings[:0]
	m.summary = countRows(m.list.Rows(), m.total)
	m.matchKeys = keysOf(m.list.Rows()) // re-sorted in place by the tick
	m.list.Keep(was)
}

// match works out the rows shown for the query (listscreen.Spec.Match). Typing only
// narrows a query, so each keystroke searches the previous matches, not every row; the
// matches of each shorter query are kept, so backspace costs nothing.
func (m *Model) match(q string) []int {
	rows := m.list.Rows()
	for n := len(m.narrowings); n > 0 && !strings.HasPrefix(q, m.narrowings[n-1].query); n-- {
		m.narrowings = m.narrowings[:n-1]
	}
	group := statusGroups[m.group]
	switch n := len(m.narrowings); {
	case strings.TrimSpace(q) == "" && group.statuses == nil:
		if len(m.all) != len(rows) { // every row in order depends only on how many
			m.all = allRows(len(rows))
		}
		return m.all
	case n > 0 && m.narrowings[n-1].query == q:
		return m.narrowings[n-1].shown
	default:
		var within []int
		if n > 0 {
			within = m.narrowings[n-1].shown
		}
		found := match(rows, m.matchKeys, within, q, group)
		m.narrowings = append(m.narrowings, narrowing{query: q, shown: found})
		return found
	}
}

// narrowing is the matches of one query, kept while the query only grows.
type narrowing struct {
	query string
	shown []int
}

// allRows is every row's index, in order. It is never changed once made: the list
// shows it as it is.
func allRows(n int) []int {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	return all
}

func (m *Model) selectedID() int64 {
	if r := m.list.Selected(); r != nil {
		return r.id
	}
	return 0
}
