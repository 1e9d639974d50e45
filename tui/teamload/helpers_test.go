package teamload

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const (
	amara = "Dr Amara Okonkwo-Reid" // the demo's lead
	tom   = "Dr Tom Halliwell"
)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the Team screen of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the Team screen of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// busyTeam is the demo, where Tom holds a case past the cap (handed over with a
// reason) and one case has no clinician, with Beth deactivated while she holds her
// cases: a clinician over the cap, one who has left holding cases, and the case nobody
// holds.
func busyTeam(t testing.TB) *store.Store {
	t.Helper()
	st := testdb.Demo(t, testNow)
	if err := st.DeactivateClinician(context.Background(), "os:test", testNow, testdb.Clinician(t, st, "Beth Armitage").ID); err != nil {
		t.Fatal(err)
	}
	return st
}
