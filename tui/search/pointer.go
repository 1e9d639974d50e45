package search

import (
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
)

// pointer is the mouse on the results (common.PointerMsg): the wheel moves through them,
// a click puts the cursor on the result clicked (its heading or its snippet: two lines
// each, below the box and the status line), a double click opens it.
func (m *Model) pointer(msg common.PointerMsg) tea.Cmd {
	switch msg.Kind {
	case common.WheelUp:
		m.move(-3)
	case common.WheelDown:
		m.move(3)
	case common.Click, common.DoubleClick:
		i := m.offset + (msg.Y-2)/2
		if msg.Y < 2 || (msg.Y-2)/2 >= m.visible() || i >= len(m.hits) {
			return nil
		}
		m.cursor = i
		m.clamp()
		if msg.Kind == common.DoubleClick {
			h := m.hits[i]
			return tea.Batch(common.Cmd(h.open()), m.opened(h))
		}
	}
	return nil
}
