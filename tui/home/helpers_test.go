package home

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const tom = "Dr Tom Halliwell"

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// drive shows the home screen of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the home screen of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// agendaOf is the agenda the screen should show me at now, built as the screen builds it.
func agendaOf(t testing.TB, st *store.Store, me domain.Clinician, now time.Time) domain.Agenda {
	t.Helper()
	f, err := st.AgendaFacts(context.Background(), me.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	return domain.BuildAgenda(f, me.ID, now)
}
