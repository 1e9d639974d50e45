package caseview

import (
	"strings"
	"testing"
	"time"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The notes tab filters as every list does: / then words narrow the notes, the count
// shows at the foot, the cursor moves over the matches only, and enter on the one match
// opens it. esc clears a kept filter before it goes back.
func TestNotesFilter(t *testing.T) {
	c, m, d, _ := twoWindows(t, TabNotes, 120, 30)
	texts := []string{"Seen on the wing about work.", "Telephoned the probation officer.", "Seen on the wing about housing."}
	var want []int64
	for i, text := range texts {
		n := signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(10-i)*time.Hour), text)
		want = append(want, n.ID)
	}
	d.Send(common.CaseChangedMsg{CaseID: c.ID})
	for _, tc := range []struct {
		typed string
		shown int
	}{
		{"wing", 2},
		{"wing housing", 1},
		{"nothing like it", 0},
	} {
		d.Keys("/").Type(tc.typed)
		if !m.Capturing() || m.noteCount() != tc.shown {
			t.Errorf("%q: capturing %v, %d shown, want %d:\n%s", tc.typed, m.Capturing(), m.noteCount(), tc.shown, d.Screen())
		}
		d.Keys("esc")
	}
	_, h := tuitest.Open(t, m, 120, 30)
	d2 := tuitest.New(t, h, 120, 30)
	d2.Keys("/").Type("housing")
	if !strings.Contains(d2.Screen(), "1 of 3 match") {
		t.Errorf("the filter line does not count the match:\n%s", d2.Screen())
	}
	if got := h.Sends(t, "enter"); got != (common.OpenNoteMsg{NoteID: want[2]}) {
		t.Fatalf("enter on the one match sent %#v, want the note %d opened", got, want[2])
	}
	d2.Keys("esc")
	if m.filter.Value() != "" || len(h.Sent) != 0 {
		t.Errorf("esc did not clear the kept filter first (query %q, sent %v)", m.filter.Value(), h.Sent)
	}
}

// The timeline keeps the events that hold the words typed, and says how many.
func TestTimelineFilter(t *testing.T) {
	c, m, d, _ := twoWindows(t, TabTimeline, 120, 30)
	signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Hour), "Seen.")
	d.Send(common.CaseChangedMsg{CaseID: c.ID})
	_, _, all := m.timelineLines()
	d.Keys("/").Type("note signed")
	lines, matched, total := m.timelineLines()
	if matched != 1 || total != all || len(lines) != 1 || !strings.Contains(lines[0], "Note signed") {
		t.Errorf("%d of %d events kept (%d before), lines %q", matched, total, all, lines)
	}
	if !strings.Contains(d.Screen(), "1 of ") {
		t.Errorf("no count at the foot:\n%s", d.Screen())
	}
	d.Keys("enter tab") // kept, then another tab
	if m.filter.Value() != "" || m.Capturing() {
		t.Error("the filter outlived its tab")
	}
}

// The notes and the timeline with their filter fit every size, typed and kept.
func TestFilterFitsEverySize(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	for i := range 12 {
		signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(30-i)*time.Hour), "Seen on the wing.")
	}
	paths := map[string]string{"notes typed": "3 / w", "notes kept": "3 / w enter G", "notes none": "3 / q q",
		"timeline typed": "4 / n", "timeline kept": "4 / n enter j j"}
	tuitest.EverySize(t, paths, []tuitest.Size{{20, 5}, {40, 8}, {80, 24}, {200, 60}},
		func() common.Screen { return New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID, "") },
		tuitest.AssertFitsAtMost)
}
