package auditlog

import (
	"strings"
	"testing"

	"caseload/tui/common"
)

// / narrows the entries read to those holding the words typed, says how many of those
// read match, and esc clears it before it goes back; a click selects an entry.
func TestFindInTheEntriesRead(t *testing.T) {
	l := fixture(t)
	d, m, h := l.open(t, 120, 40)
	read := len(m.lines)
	d.Keys("/").Type("searched")
	if len(m.shown) == 0 || len(m.shown) >= read {
		t.Fatalf("/ searched shows %d of %d:\n%s", len(m.shown), read, d.Screen())
	}
	for _, ri := range m.shown {
		if l := m.lines[ri]; !strings.Contains(strings.ToLower(what(l)), "search") {
			t.Errorf("entry %d (%s) shows for “searched”", l.ID, what(l))
		}
	}
	if !strings.Contains(d.Screen(), " of ") || !strings.Contains(d.Screen(), " match") {
		t.Errorf("no count at the foot:\n%s", d.Screen())
	}
	d.Keys("enter esc")
	if len(m.shown) != read || len(h.Sent) != 0 {
		t.Fatalf("esc did not clear the words first: %d of %d shown, sent %v", len(m.shown), read, h.Sent)
	}
	d.Send(common.PointerMsg{Kind: common.Click, Y: 4})
	if m.win.Cursor != 2 {
		t.Errorf("a click on the third entry put the cursor on %d", m.win.Cursor)
	}
}
