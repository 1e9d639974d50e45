package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestSearchGolden(t *testing.T) {
	r := fixture(t)
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(tuitest.SizeName(size.w, size.h), func(t *testing.T) {
			s := drive(t, r, size.w, size.h).search("allotment")
			screen := s.Screen()
			tuitest.AssertFitsAtMost(t, screen, size.w, size.h)
			golden.RequireEqual(t, screen)
		})
	}
}

func TestFitsEverySize(t *testing.T) {
	r := fixture(t)
	queries := map[string]string{"empty": "", "found": "allotment", "none": "qqqq", "syntax": `"*(`, "typing": "allot"}
	for name, q := range queries {
		for _, size := range []struct{ w, h int }{{20, 5}, {40, 8}, {80, 24}, {200, 60}} {
			t.Run(name+"/"+tuitest.SizeName(size.w, size.h), func(t *testing.T) {
				s := drive(t, r, size.w, size.h)
				if name == "typing" {
					s.Type(q) // no pause: the search has not run
				} else {
					s.search(q)
				}
				tuitest.AssertFitsAtMost(t, s.Screen(), size.w, size.h)
			})
		}
	}
}

func TestFindsAnotherClinicianSignedNote(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 120, 40).search("relapse")
	if hits := s.model().hits; len(hits) != 1 || hits[0].res.ID != r.otherNote.ID {
		t.Fatalf("relapse found %+v:\n%s", hits, s.Screen())
	}
	if !strings.Contains(s.Screen(), "1 match") || !strings.Contains(s.Screen(), "relapse prevention") {
		t.Errorf("the match is not shown:\n%s", s.Screen())
	}
	if got := s.enter(t); got != (common.OpenNoteMsg{NoteID: r.otherNote.ID}) {
		t.Errorf("enter on a note sent %#v", got)
	}
}

func TestDraftsOnlyForTheirAuthor(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 120, 40).search(r.otherDraftWord)
	if len(s.model().hits) != 0 || !strings.Contains(s.Screen(), "No matches for “zebrafish”.") {
		t.Fatalf("another clinician's draft was found:\n%s", s.Screen())
	}
	s.Keys("esc")
	s.search(r.myDraftWord)
	if !strings.Contains(s.Screen(), "note draft") {
		t.Fatalf("my own draft is not found as a draft:\n%s", s.Screen())
	}
}

func TestEnterOpensWhatWasFound(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 120, 40).search("confirmed")
	if got := s.enter(t); got != (common.OpenNoteMsg{NoteID: r.otherNote.ID}) {
		t.Errorf("enter on an addendum sent %#v, want its note %d", got, r.otherNote.ID)
	}
	s.Keys("esc")
	s.search("tenancy")
	if got := s.enter(t); got != (common.OpenCaseMsg{CaseID: r.formulationCase, Tab: "formulation"}) {
		t.Errorf("enter on a formulation sent %#v", got)
	}
	// Arrows move while typing; j is a letter.
	s.Keys("esc")
	s.search("allotment").Keys("down")
	if s.model().cursor != 1 {
		t.Fatalf("down while typing did not move:\n%s", s.Screen())
	}
	s.Type("j")
	if s.model().input.Value() != "allotmentj" || s.model().cursor != 1 {
		t.Errorf("j while typing moved or was lost: %q", s.model().input.Value())
	}
	// tab leaves the box for the results, where j moves and ? would reach the root.
	s.Keys("backspace tab j")
	if s.model().Capturing() || s.model().cursor != 2 || s.model().input.Value() != "allotment" {
		t.Errorf("in the results j did not move: capturing %v, cursor %d", s.model().Capturing(), s.model().cursor)
	}
	s.Keys("/")
	if !s.model().Capturing() || s.model().input.Value() != "allotment" {
		t.Errorf("/ did not return to the box: %q", s.model().input.Value())
	}
}

func TestQuerySyntaxIsOnlyText(t *testing.T) {
	r := fixture(t)
	for _, q := range []string{`"*(`, `allotment NEAR(`, `-:^`, `"allotment`} {
		s := drive(t, r, 80, 24).search(q)
		if len(s.host.Sent) != 0 || s.model().failed || strings.Contains(s.Screen(), "Could not search") {
			t.Errorf("%s: %#v\n%s", q, s.host.Sent, s.Screen())
		}
	}
}

func TestOnlyTheLatestTypingSearches(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 80, 24)
	s.Type("relapse")
	stale := s.model().seq - 1
	s.Send(pausedMsg{m: s.model(), seq: stale})
	if !strings.Contains(s.Screen(), "Searching…") || len(s.model().hits) != 0 {
		t.Fatalf("a pause after an older keystroke searched:\n%s", s.Screen())
	}
	// An answer to a query no longer in the box is dropped, whatever it says.
	s.Send(resultsMsg{query: "relaps", err: errors.New("stale")})
	if s.model().failed || len(s.host.Sent) != 0 {
		t.Fatalf("a stale answer was shown: %#v", s.host.Sent)
	}
	s.Send(pausedMsg{m: s.model(), seq: s.model().seq})
	if len(s.model().hits) != 1 {
		t.Fatalf("the last pause did not search:\n%s", s.Screen())
	}
}

func TestErrorsReachTheStatusLine(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 80, 24)
	s.Type("relapse")
	s.Send(resultsMsg{query: "relapse", err: errors.New("database is locked")})
	if len(s.host.Sent) != 1 || !strings.Contains(s.Screen(), "Could not search for “relapse”.") {
		t.Fatalf("the failure is not shown: %#v\n%s", s.host.Sent, s.Screen())
	}
	if _, ok := s.host.Sent[0].(common.ErrorMsg); !ok {
		t.Errorf("sent %#v, want ErrorMsg", s.host.Sent[0])
	}
}

func TestEscClearsThenGoesBack(t *testing.T) {
	r := fixture(t)
	s := drive(t, r, 80, 24).search("allotment")
	if !s.model().Capturing() {
		t.Fatal("the box does not capture keys")
	}
	s.Keys("esc")
	if s.model().input.Value() != "" || len(s.model().hits) != 0 || len(s.host.Sent) != 0 {
		t.Fatalf("esc did not clear:\n%s", s.Screen())
	}
	s.Keys("esc")
	if len(s.host.Sent) != 1 || s.host.Sent[0] != (common.BackMsg{}) {
		t.Fatalf("esc on an empty box sent %#v", s.host.Sent)
	}
}

func TestMatchesAreMarkedWithoutColour(t *testing.T) {
	got := pieces("…the [allotment] and [sister]'s [visit")
	want := []piece{{"…the ", false}, {"allotment", true}, {" and ", false}, {"sister", true}, {"'s [visit", false}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("piece %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	r := fixture(t)
	s := drive(t, r, 80, 24).search("relapse")
	// Bold and underlined as well as coloured; the brackets themselves are gone.
	mark := s.model().com.Theme.Title.Underline(true).Render("r")
	if raw := s.model().View(); !strings.Contains(raw, mark) || strings.Contains(s.Screen(), "[relapse]") {
		t.Errorf("the match is not marked:\n%q", raw)
	}
}

// Each search run is kept in the audit with its words and how many it found, and the
// result opened with the search it came from (docs/RULES.md, "What is audited").
func TestSearchIsAudited(t *testing.T) {
	r := fixture(t)
	ctx := context.Background()
	s := drive(t, r, 120, 40).search("relapse")
	es, err := r.st.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 || es[0].Action != store.ActionSearchRun || es[0].Detail != `{"query":"relapse","results":1}` ||
		es[0].Actor != fmt.Sprintf("clinician:%d", r.me.ID) {
		t.Fatalf("after the search the audit ends %+v, %v", es, err)
	}
	search := es[0].ID
	s.enter(t)
	es, err = r.st.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 || es[0].Action != store.ActionSearchOpened || es[0].Entity != "note" ||
		es[0].EntityID != r.otherNote.ID || es[0].Detail != fmt.Sprintf(`{"search":%d}`, search) {
		t.Fatalf("after opening the result the audit ends %+v, %v", es, err)
	}
}
