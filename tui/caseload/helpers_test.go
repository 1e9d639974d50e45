package caseload

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

// drive shows the caseload of st to me at w×h, loaded.
func drive(t testing.TB, st *store.Store, me domain.Clinician, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, newScreen(st, me)(), w, h)
}

// newScreen makes the caseload of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// The store is the list's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// signNote signs a note by me, about a contact an hour before testNow, on the first of
// my cases, and returns the case.
func signNote(t testing.TB, st *store.Store, me domain.Clinician, text string) int64 {
	t.Helper()
	for _, s := range summaries(t, st) {
		if s.Case.AllocatedClinicianID == me.ID {
			addNote(t, st, me.ID, s.Case.ID, testNow.Add(-time.Hour), text, true)
			return s.Case.ID
		}
	}
	t.Fatalf("%s holds no case", me.Name)
	return 0
}

func summaries(t testing.TB, st *store.Store) []domain.CaseSummary {
	t.Helper()
	sums, err := st.CaseSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func addNote(t testing.TB, st *store.Store, who, caseID int64, contact time.Time, text string, sign bool) {
	t.Helper()
	ctx := context.Background()
	n, err := st.SaveNoteDraft(ctx, who, contact, domain.Note{CaseID: caseID, Type: domain.NoteTelephone,
		ContactAt: contact, DurationMinutes: 30, Text: text})
	if err == nil && sign {
		_, err = st.SignNote(ctx, who, contact, n.ID, n.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// selectedID is the case under the cursor, 0 when none shows.
func (m *Model) selectedID() int64 {
	if r := m.list.Selected(); r != nil {
		return r.caseID
	}
	return 0
}
