package releaseform

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const tom = "Dr Tom Halliwell"

// The store saves the form as it is, with no adapter between them.
var _ Saver = (*store.Store)(nil)

// told is what the form told every screen once it saved, in order: the case that
// changed and the line for the status bar.
func told(h *tuitest.Host) []tea.Msg {
	var out []tea.Msg
	for _, msg := range h.Seen {
		switch msg.(type) {
		case common.CaseChangedMsg, common.InfoMsg:
			out = append(out, msg)
		}
	}
	return out
}

// openCase is a demo database and its first open case in phase (and, if given, that
// is), as the countdowns would hand it to the form.
func openCase(t *testing.T, phase domain.Phase, is ...func(domain.CaseOnPathway) bool) (*store.Store, domain.CaseOnPathway) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if domain.PathwayOf(c.Release, ident.DateOf(testNow.In(clock.London()))).Phase == phase && (len(is) == 0 || is[0](c)) {
			return st, c
		}
	}
	t.Fatalf("the demo has no case in phase %s", phase)
	return nil, domain.CaseOnPathway{}
}

// drive opens the release form of c, as Tom, at w×h.
func drive(t *testing.T, st *store.Store, c domain.CaseOnPathway, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow, testdb.Clinician(t, st, tom))
	return tuitest.Open(t, New(com, st, c.CaseID, c.Person.Name(), c.Release), w, h)
}

// clear empties the focused text field.
func clear(d *tuitest.Driver) { d.Keys(strings.Repeat("backspace ", 20)) }

// saved reports whether the form finished: the case changed, a line for the status
// bar, and back to the screen below.
func saved(h *tuitest.Host) bool {
	return len(told(h)) == 2 && len(h.Sent) == 1 && h.Sent[0] == (common.BackMsg{})
}

func testdbID(t *testing.T, st *store.Store) int64 { return testdb.Clinician(t, st, tom).ID }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
