package caseload

// applyFilter recomputes which rows show after the rows, the query or the mine toggle
// changed, keeping the cursor on the same case when it still shows. Open cases number
// in the hundreds, so one pass over every row per keystroke is cheap.
func (m *Model) applyFilter() {
	selected := m.selectedID()
	m.shown = match(m.rows, m.filter.Value(), m.mine, m.com.Me.ID)
	m.selectID(selected)
}

func (m *Model) selectedID() int64 {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return 0
	}
	return m.rows[m.shown[m.cursor]].caseID
}

// selectID puts the cursor on the case with this id, or on the top row when it is not
// shown.
func (m *Model) selectID(id int64) {
	m.cursor = 0
	for i, ri := range m.shown {
		if m.rows[ri].caseID == id {
			m.cursor = i
			break
		}
	}
	m.clamp()
}

func (m *Model) move(n int) {
	m.cursor += n
	m.clamp()
}

// listHeight is how many rows fit below the summary and headings, and above the
// filter line when there is one.
func (m *Model) listHeight() int {
	h := m.height - 2
	if m.filterShown() {
		h--
	}
	return max(h, 0)
}

func (m *Model) filterShown() bool { return m.filtering || m.filter.Value() != "" }

func (m *Model) pageSize() int { return max(m.listHeight()-1, 1) }

// clamp keeps the cursor on a row and the row on screen.
func (m *Model) clamp() {
	m.cursor = min(max(m.cursor, 0), max(len(m.shown)-1, 0))
	h := m.listHeight()
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
	m.offset = min(max(m.offset, 0), max(len(m.shown)-h, 0))
}
