package search

import (
	"slices"
	"testing"

	"caseload/tui/tuitest"
)

// The search says where the focus is and, once typing pauses and the answer comes, how
// many matched and the result under the cursor; a letter typed says nothing new.
func TestSearchSpeech(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 100, 30)
	tuitest.Says(t, tuitest.Speech(t, s.model()), "Search, typing in the box;", "Type to search signed notes")
	before := tuitest.Speech(t, s.model())
	s.Type("allot")
	if got := tuitest.Speech(t, s.model()); !slices.Equal(got, before) {
		t.Errorf("typing changed what is said before the search ran: %q", got)
	}
	s.search("ment")
	tuitest.Says(t, tuitest.Speech(t, s.model()), `5 matches for "allotment".`, "1 of 5: note, 22 Nov 2026, Patrick Kavanagh-Reilly: Talked about the allotment")
	s.Keys("tab j")
	tuitest.Says(t, tuitest.Speech(t, s.model()), "Search, on the results;", "2 of 5: note draft, ")
}
