package caseload

import (
	"strings"
	"testing"
	"time"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A note signed in another window shows in its case's row when the data changes, with
// the cursor on the same case and the filter kept.
func TestNoteSignedElsewhereShowsInPlace(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	me := testdb.Clinician(t, st, tom)
	d, h := drive(t, st, me, 120, 40)
	m := h.Screen.(*Model)
	d.Keys("/").Type("halliwell").Keys("enter").Keys("j")
	id, shown := m.selectedID(), len(m.list.Shown())
	if strings.Contains(cursorRow(d.Screen()), "24 Nov 2026") {
		t.Fatalf("the case was already seen today:\n%s", d.Screen())
	}
	addNote(t, other, me.ID, id, testNow.Add(-time.Hour), "Seen on the wing; release plans discussed.", true)
	d.Send(common.DataChangedMsg{})
	if m.selectedID() != id || !strings.Contains(cursorRow(d.Screen()), "24 Nov 2026") {
		t.Errorf("cursor on case %d, want %d with today's contact:\n%s", m.selectedID(), id, d.Screen())
	}
	if m.list.Query() != "halliwell" || len(m.list.Shown()) != shown {
		t.Errorf("filter %q showing %d, want %q showing %d", m.list.Query(), len(m.list.Shown()), "halliwell", shown)
	}
}

func cursorRow(screen string) string {
	for _, r := range tuitest.Rows(screen) {
		if strings.HasPrefix(r, "› ") {
			return r
		}
	}
	return ""
}
