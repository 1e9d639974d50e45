package search

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Finding 7 in the search box: "risk", ←, alt+d crashed the app; now it deletes the k.
func TestAltDAtLastLetterDoesNotCrash(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 80, 24)
	s.Type("risk").Keys("left alt+d")
	if got := s.model().input.Value(); got != "ris" {
		t.Errorf("the box holds %q, want ris", got)
	}
}

// A paste goes into the box on one line and searches like typing, once it pauses.
func TestPasteSearches(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 120, 40)
	s.Send(tea.PasteMsg{Content: "relapse\n"})
	if got := s.model().input.Value(); got != "relapse" {
		t.Fatalf("the box holds %q after the paste", got)
	}
	s.Send(pausedMsg{m: s.model(), seq: s.model().seq})
	if hits := s.model().hits; len(hits) != 1 || hits[0].res.ID != r.otherNote.ID {
		t.Errorf("the pasted query found %+v", hits)
	}
}
