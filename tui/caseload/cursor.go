package caseload

// applyFilter recomputes which rows show after the rows, the query or the mine toggle
// changed, keeping the cursor on the same case when it still shows. Open cases number
// in the hundreds, so one pass over every row per keystroke is cheap.
func (m *Model) applyFilter() {
	selected := m.selectedID()
	m.shown = match(m.rows, m.filter.Value(), m.mine, m.whose)
	m.selectID(selected)
}

// swap puts loaded rows in place of the ones shown, keeping the filter, the mine toggle,
// the scroll and the cursor on the same case, or on the nearest row when it has gone.
func (m *Model) swap(rows []row) {
	was := m.selectedID()
	m.loaded, m.rows = true, rows
	m.yours = len(match(m.rows, "", true, m.whose))
	m.shown = match(m.rows, m.filter.Value(), m.mine, m.whose)
	m.win.Keep(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].caseID == was })
}

func (m *Model) selectedID() int64 {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return 0
	}
	return m.rows[ri].caseID
}

// selectID puts the cursor on the case with this id, or on the top row when it is not
// shown.
func (m *Model) selectID(id int64) {
	m.win.Select(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].caseID == id })
}

// listHeight is how many rows fit below the summary and headings, and above the
// filter line when there is one.
func (m *Model) listHeight() int {
	h := m.height - 2
	if m.filter.Shown() {
		h--
	}
	return max(h, 0)
}

// clamp keeps the cursor on a row and the row on screen.
func (m *Model) clamp() { m.win.Clamp(len(m.shown), m.listHeight()) }
