package store

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// A database at schema 10 keeps every case's expected date, as a sentence date of its
// kind, and its history; the history stays append-only; the case can then hold more.
func TestOpenMigratesVersion10KeepsReleaseDates(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	lead := mustClinician(t, s, "Dr Jo Lead", true)
	ped, unstated := openCase(t, s, lead, 0), openCase(t, s, lead, 0)
	if _, err := s.ChangeRelease(ctx, "os:alice", t0, ped, domain.ReleaseDate{Date: ident.MustDate(2027, 1, 20), Kind: domain.ReleaseCRD}, "Recalculated"); err != nil {
		t.Fatal(err)
	}
	path := downgrade(t, s, 10)
	rawExec(t, "", path, `
		UPDATE case_release SET expected_date = '2027-02-01', expected_kind = 'PED', expected_confirmed = 1 WHERE case_id = `+itoa(ped)+`;
		UPDATE case_release SET expected_date = '2027-03-01', expected_kind = NULL WHERE case_id = `+itoa(unstated))
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.CaseRelease(ctx, ped)
	if want := (domain.SentenceDates{{Date: ident.MustDate(2027, 2, 1), Kind: domain.ReleasePED, Confirmed: true}}); err != nil ||
		!slices.Equal(r.Dates, want) || len(r.History) != 1 || r.History[0].Reason != "Recalculated" {
		t.Fatalf("case %d after migrating: %+v (%v), want %+v and its one change", ped, r, err, want)
	}
	r, err = s.CaseRelease(ctx, unstated)
	if want := (domain.SentenceDates{{Date: ident.MustDate(2027, 3, 1)}}); err != nil || !slices.Equal(r.Dates, want) {
		t.Fatalf("case %d after migrating: %+v (%v), want %+v", unstated, r, err, want)
	}
	refusedSQL(t, s, "kept as made", "UPDATE release_changes SET reason = 'Tidied'")
	refusedSQL(t, s, "cannot be deleted", "DELETE FROM release_changes")
	led := domain.ReleaseDate{Date: ident.MustDate(2029, 2, 1), Kind: domain.ReleaseLED}
	if r, err = s.ChangeRelease(ctx, "os:alice", t0.Add(time.Hour), ped, led, "From NOMIS"); err != nil || len(r.Dates) != 2 {
		t.Fatalf("an LED beside the PED: %+v, %v", r, err)
	}
	mustVerify(t, s)
}

// A case holds one date a kind (the kind not stated too), and a sentence date removed
// is gone from the case but kept in its history.
func TestSentenceDatesOneAKind(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	crd := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD}
	hdced := domain.ReleaseDate{Date: ident.MustDate(2026, 10, 6), Kind: domain.ReleaseHDCED}
	for i, d := range []domain.ReleaseDate{crd, hdced, {Kind: domain.ReleaseHDCED}} {
		if _, err := s.ChangeRelease(ctx, "os:alice", t0.Add(time.Duration(i)*time.Minute), caseID, d, "From NOMIS"); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.CaseRelease(ctx, caseID)
	if err != nil || !slices.Equal(r.Dates, domain.SentenceDates{crd}) || len(r.History) != 3 || r.History[2].From != hdced {
		t.Fatalf("after removing the HDCED: %+v, %v", r, err)
	}
	refusedSQL(t, s, "UNIQUE constraint failed",
		"INSERT INTO sentence_dates (case_id, kind, date) VALUES ("+itoa(caseID)+", 'CRD', '2027-02-02')",
		"INSERT INTO sentence_dates (case_id, kind, date) VALUES ("+itoa(caseID)+", NULL, '2027-02-02'), ("+itoa(caseID)+", NULL, '2027-02-03')")
	mustVerify(t, s)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
