package closing

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/common"
)

// The app stopping saves what is typed now, whatever the autosave timer says: Flush's
// command works run directly, as after a crash.
func TestClosingFlushSavesTyping(t *testing.T) {
	c, m, d, _ := form(t, 100, 30)
	d.Keys("right tab").Type("Typed just before the window closed.")
	cmd := m.Flush()
	if cmd == nil {
		t.Fatal("nothing to flush with typing unsaved")
	}
	if r, ok := cmd().(common.FlushedMsg); !ok || r.Err != nil {
		t.Fatalf("flush: %#v", r)
	}
	dr, ok, err := c.Store.DischargeDraft(context.Background(), c.ID)
	if err != nil || !ok || dr.Part("work_done") != "Typed just before the window closed." {
		t.Fatalf("draft after flush %+v %v %v", dr, ok, err)
	}
}

// A case closed in another window while the form holds unsaved text: leaving keeps the
// text as a note draft of the case, and the form closes.
func TestClosingCaseClosedElsewhereKeepsTheText(t *testing.T) {
	c, m, d, h := form(t, 100, 30)
	d.Keys("right tab").Type("Mine, not yet saved.")
	testdb.Close(t, testdb.Case{Store: testdb.Another(t, c.Store), Clinician: c.Clinician, ID: c.ID}, testNow)
	d.Keys("esc")
	ns, err := c.Store.Notes(context.Background(), c.ID, c.Clinician.ID)
	if err != nil || len(ns) != 1 || !strings.Contains(ns[0].Text, "Mine, not yet saved.") || ns[0].Signed() {
		t.Fatalf("kept as a note draft: %+v %v (problem %q)", ns, err, m.problem)
	}
	h.WantTold(t, common.BackMsg{})
}
