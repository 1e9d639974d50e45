package countdowns

// applyFilter recomputes which rows show after the query or the mine toggle changed,
// keeping the cursor on the same case when it still shows.
func (m *Model) applyFilter() {
	selected := m.selectedID()
	m.shown = match(m.rows, m.filter.Value(), m.mine, m.com.Me.ID)
	m.selectID(selected)
}

// selected is the row under the cursor, or nil when no row shows.
func (m *Model) selected() *row {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return nil
	}
	return &m.rows[ri]
}

func (m *Model) selectedID() int64 {
	if r := m.selected(); r != nil {
		return r.caseID
	}
	return 0
}

// selectID puts the cursor on the case with this id, or on the top row when it is not
// shown.
func (m *Model) selectID(id int64) {
	m.win.Select(m.shown, m.listHeight(), func(ri int) bool { return m.rows[ri].caseID == id })
}

// listHeight is how many rows fit below the summary and headings, and above the filter
// line and the legend when they show.
func (m *Model) listHeight() int {
	h := m.height - 2
	if m.filter.Shown() {
		h--
	}
	if m.legendShown() {
		h--
	}
	return max(h, 0)
}

// legendRoom is the height from which the legend of the bar's marks is kept at the
// foot: below it, every line goes to the cases.
const legendRoom = 10

func (m *Model) legendShown() bool {
	return m.height >= legendRoom && columnWidth(m.cols, colBar) > 0
}

// clamp keeps the cursor on a row and the row on screen.
func (m *Model) clamp() { m.win.Clamp(len(m.shown), m.listHeight()) }
