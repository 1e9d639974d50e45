package search

import (
	"testing"

	"caseload/tui/common"
)

// With the mouse on, a click on a result (its heading or its snippet) puts the cursor
// on it, a double click opens it, the wheel moves, and a click on the box does nothing.
func TestPointerOnResults(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 120, 40).search("allotment")
	m := s.model()
	if len(m.hits) < 3 {
		t.Fatalf("%d hits for allotment, want 3 or more", len(m.hits))
	}
	for _, tc := range []struct {
		y, cursor int
	}{
		{y: 2 + 2*1, cursor: 1},     // the second result's heading
		{y: 2 + 2*2 + 1, cursor: 2}, // the third's snippet
		{y: 0, cursor: 2},           // the box
		{y: 39, cursor: 2},          // below the results
	} {
		s.Send(common.PointerMsg{Kind: common.Click, Y: tc.y})
		if m.cursor != tc.cursor {
			t.Errorf("a click on line %d: cursor %d, want %d", tc.y, m.cursor, tc.cursor)
		}
	}
	_, cmd := m.Update(common.PointerMsg{Kind: common.DoubleClick, Y: 2})
	if cmd == nil || m.cursor != 0 {
		t.Fatalf("a double click on the first result: cursor %d, no command %v", m.cursor, cmd == nil)
	}
	s.Send(common.PointerMsg{Kind: common.WheelDown})
	if m.cursor != min(3, len(m.hits)-1) {
		t.Errorf("the wheel put the cursor on %d", m.cursor)
	}
}
