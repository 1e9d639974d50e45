package countdowns

import (
	"context"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the countdowns of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the countdowns of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// onPathway is the open cases of st in countdown order on testNow.
func onPathway(t testing.TB, st *store.Store) []domain.Countdown {
	t.Helper()
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return domain.Countdowns(cases, ident.DateOf(testNow.In(clock.London())))
}

// selectedID is the case under the cursor, 0 when none shows.
func (m *Model) selectedID() int64 {
	if r := m.list.Selected(); r != nil {
		return r.caseID
	}
	return 0
}
