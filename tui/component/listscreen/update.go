package listscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// Update handles a key: the filter's keys first (enter on a filter that matches one row
// opens it: typing a name and enter is the whole way to a record), then movement; every
// other key goes to other, the screen's own.
func (m *Model[R]) Update(msg tea.KeyPressMsg, other func(tea.KeyPressMsg) tea.Cmd) tea.Cmd {
	if m.filter.Active() && key.Matches(msg, m.Keys.ApplyFilter) && len(m.shown) == 1 && m.spec.Open != nil {
		m.filter.Update(msg, m.Keys, m.Nav) // keeps the filter, as enter does
		m.Clamp()
		return m.spec.Open(&m.rows[m.shown[0]])
	}
	return m.filter.Keys(msg, m.Keys, m.Nav, func(msg tea.KeyPressMsg) tea.Cmd {
		if m.win.Navigate(msg, m.Nav, len(m.shown), m.Height()) {
			m.scroll()
			return nil
		}
		return other(msg)
	}, m.Refilter, m.Clamp)
}

// Paste puts pasted text into the filter while it is typed.
func (m *Model[R]) Paste(msg tea.PasteMsg) {
	if m.filter.Paste(msg) {
		m.Refilter()
	}
}

// OpenSelected is Open on the row under the cursor, or nil when none shows.
func (m *Model[R]) OpenSelected() tea.Cmd {
	if r := m.Selected(); r != nil && m.spec.Open != nil {
		return m.spec.Open(r)
	}
	return nil
}

// wheelStep is how many rows a turn of the wheel moves.
const wheelStep = 3

// Pointer handles the mouse: the wheel scrolls the rows, a click puts the cursor on the
// row clicked, a double click opens it. Y counts from the top of the screen's body.
func (m *Model[R]) Pointer(msg common.PointerMsg) tea.Cmd {
	switch msg.Kind {
	case common.WheelUp:
		m.wheel(-wheelStep)
	case common.WheelDown:
		m.wheel(wheelStep)
	case common.Click, common.DoubleClick:
		k, ok := m.rowAt(msg.Y)
		if !ok {
			return nil
		}
		m.win.Cursor = k
		m.Clamp()
		if msg.Kind == common.DoubleClick {
			return m.OpenSelected()
		}
	}
	return nil
}

// wheel scrolls the rows on screen by d, the cursor staying on a row in sight.
func (m *Model[R]) wheel(d int) {
	h := m.Height()
	if m.spec.Group != nil || h <= 0 {
		m.Move(d) // with headings the lines scroll with the cursor
		return
	}
	m.win.Offset = min(max(m.win.Offset+d, 0), max(len(m.shown)-h, 0))
	m.win.Cursor = min(max(m.win.Cursor, m.win.Offset), m.win.Offset+h-1)
	m.Clamp()
}

// rowAt is the shown row drawn on line y of the body, if a row is drawn there.
func (m *Model[R]) rowAt(y int) (int, bool) {
	i := y - m.above - 1 // below the screen's lines and the headings
	if i < 0 || i >= m.Height() || m.note() != "" {
		return 0, false
	}
	if m.spec.Group != nil {
		if l := m.top + i; l < len(m.lines) && m.lines[l].k >= 0 {
			return m.lines[l].k, true
		}
		return 0, false
	}
	if k := m.win.Offset + i; k < len(m.shown) {
		return k, true
	}
	return 0, false
}
