package formulationeditor

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// window is one formulation editor on the case of c, through its own store handle.
func window(t *testing.T, c testdb.Case) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	st, err := store.Open(context.Background(), c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), st, c.ID), 100, 30)
}

func versions(t *testing.T, c testdb.Case) []domain.Formulation {
	t.Helper()
	fs, err := c.Store.Formulations(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func left(h *tuitest.Host) bool {
	for _, m := range h.Sent {
		if _, ok := m.(common.BackMsg); ok {
			return true
		}
	}
	return false
}

// Findings 1 and 3 for the formulation: two windows on one draft; the second's save is
// refused and named; then the first signs it; the second leaves with esc, its text kept
// as the draft of the next version, superseding the signed one.
func TestFormulationSignedElsewhereKeepsTextAsNextVersion(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	a, _ := window(t, c)
	a.Type("Low mood.").Keys("ctrl+s")
	b, hb := window(t, c)
	a.Type(" Sleeping badly.").Keys("ctrl+s")
	b.Type(" Angry at the move.").Keys("ctrl+s")
	if s := b.Screen(); !strings.Contains(s, "Dr Tom Halliwell saved a newer version of this formulation draft") {
		t.Fatalf("window B does not name the conflict:\n%s", s)
	}
	tuitest.AssertFits(t, b.Screen(), 100, 30)
	fs := versions(t, c)
	if len(fs) != 1 || fs[0].Text("presenting") != "Low mood. Sleeping badly." {
		t.Fatalf("after the refusal: %+v", fs)
	}
	if _, err := c.Store.SignFormulation(context.Background(), c.Clinician.ID, testNow, fs[0].ID, fs[0].Revision); err != nil {
		t.Fatal(err)
	}
	b.Keys("esc")
	if !left(hb) {
		t.Fatalf("esc did not leave:\n%s", b.Screen())
	}
	fs = versions(t, c)
	if len(fs) != 2 || fs[0].Version != 2 || fs[0].Signed() || fs[0].SupersedesID != fs[1].ID ||
		fs[0].Text("presenting") != "Low mood. Angry at the move." {
		t.Fatalf("versions = %+v; want B's text as the draft of version 2", fs)
	}
}

// While the other window's draft is still a draft, the case holds one draft only:
// leaving keeps the text as a note draft, never saving over the other unasked.
func TestFormulationDraftHeldElsewhereKeptAsNote(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	a, _ := window(t, c)
	b, hb := window(t, c)
	a.Type("From A.").Keys("ctrl+s")
	b.Type("From B.").Keys("ctrl+s")
	if !strings.Contains(b.Screen(), "ctrl+o save mine over it") {
		t.Fatalf("saving over is not offered:\n%s", b.Screen())
	}
	b.Keys("esc")
	if !left(hb) {
		t.Fatalf("esc did not leave:\n%s", b.Screen())
	}
	if fs := versions(t, c); len(fs) != 1 || fs[0].Text("presenting") != "From A." {
		t.Fatalf("the other draft changed: %+v", fs)
	}
	ds, err := c.Store.Drafts(context.Background(), c.Clinician.ID)
	if err != nil || len(ds) != 1 || !strings.Contains(ds[0].Text, "Presenting:\nFrom B.") {
		t.Fatalf("note drafts = %+v, %v; want B's text kept", ds, err)
	}
}

// Finding 13's other half and finding 4: the formulation editor saves through the same
// component, so Flush saves typing within the pause.
func TestFormulationFlush(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h := window(t, c)
	d.Type("Typed, then quit.")
	if msg := h.Screen.(common.Flusher).Flush()(); msg != (common.FlushedMsg{}) {
		t.Fatalf("Flush = %#v", msg)
	}
	if fs := versions(t, c); len(fs) != 1 || fs[0].Text("presenting") != "Typed, then quit." {
		t.Fatalf("versions = %+v", fs)
	}
}

// The conflict's lines and the side-by-side view keep to the frame at every size, the
// section list beside the text or not.
func TestFormulationConflictFitsTheFrame(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 16}, {100, 30}, {140, 40}} {
		c := testdb.OneCase(t, testNow)
		a, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID), size[0], size[1])
		a.Type("From A, a line long enough to wrap in the narrower windows.").Keys("ctrl+s")
		b, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID), size[0], size[1])
		a.Type(" More.").Keys("ctrl+s")
		b.Type(" B.").Keys("ctrl+s")
		if !strings.Contains(b.Screen(), "newer version") {
			t.Fatalf("at %v no conflict:\n%s", size, b.Screen())
		}
		tuitest.AssertFitsAtMost(t, b.Screen(), size[0], size[1])
		b.Keys("ctrl+v")
		tuitest.AssertFitsAtMost(t, b.Screen(), size[0], size[1])
	}
}
