package caseload

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/internal/clock"
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
	com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:test").AsClinician(me)
	hst := &tuitest.Host{Screen: New(com, st)}
	return tuitest.New(t, hst, w, h), hst
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
		_, err = st.SignNote(ctx, who, contact, n.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func assertFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, want at most %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, want at most %d: %q", i+1, n, w, l)
		}
	}
}

// rowsOf is the case rows of a screen: every line below the headings that names a
// clinician, a formulation or a date.
func rowsOf(screen string) []string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 2 {
		return nil
	}
	var rows []string
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "› ") {
			rows = append(rows, l)
		}
	}
	return rows
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }
