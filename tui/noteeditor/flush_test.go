package noteeditor

import (
	"context"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/common"
)

// Another window saved the draft and this one has not heard yet (the watch runs once a
// second); the clinician types and the app stops (ctrl+c, SIGHUP). The store refuses the
// stale revision at the flush, so the typing is kept as a new draft.
func TestFlushOfAStaleDraftKeepsTheTyping(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Started.")
	d, h, _ := window(t, c, n)
	other, _ := c.Store.Note(context.Background(), n.ID)
	other.Text = "Started. Elsewhere."
	if _, err := c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow, other); err != nil {
		t.Fatal(err)
	}
	d.Type(" Typed just before the terminal closed.")
	msg := h.Screen.(common.Flusher).Flush()()
	f := msg.(common.FlushedMsg)
	found := false
	for _, dr := range drafts(t, c) {
		if dr.Text == "Started. Typed just before the terminal closed." {
			found = true
		}
	}
	if !found {
		t.Fatalf("typing lost at exit: Flush err = %v; drafts = %+v", f.Err, drafts(t, c))
	}
}

// The draft was signed elsewhere; this editor had saved everything it typed and shows
// the conflict. Quitting (Flush) makes no new draft copying the signed note's text, as
// esc makes none.
func TestFlushInConflictWithNothingUnsavedMakesNoDraft(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Signed as it was.")
	d, h, _ := window(t, c, n)
	if _, err := c.Store.SignNote(context.Background(), c.Clinician.ID, testNow, n.ID, n.Revision); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if cmd := h.Screen.(common.Flusher).Flush(); cmd != nil {
		cmd()
	}
	if ds := drafts(t, c); len(ds) != 0 {
		t.Fatalf("quitting made %d new draft(s) duplicating the signed note: %+v", len(ds), ds)
	}
}
