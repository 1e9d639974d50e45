package store

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// releaseCase is a new store with one open case.
func releaseCase(t *testing.T) (*Store, int64) {
	t.Helper()
	s := newStore(t)
	return s, openCaseWith(t, s, mustClinician(t, s, "Dr Jo Lead", true), 0, func(r *domain.Referral) {
		r.ExpectedRelease, r.ReleaseDateType = ident.Date{}, ""
	})
}

// A case opened from a referral starts from the release date the referral gave.
func TestCaseStartsFromReferralRelease(t *testing.T) {
	s := newStore(t)
	caseID := openCase(t, s, mustClinician(t, s, "Dr Jo Lead", true), 0)
	r, err := s.CaseRelease(context.Background(), caseID)
	want := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD}
	if err != nil || !slices.Equal(r.Dates, domain.SentenceDates{want}) || r.History != nil {
		t.Fatalf("CaseRelease = %+v, %v; want %+v with no history", r, err, want)
	}
}

// A case with nothing recorded reads as unknown; each change is kept with its reason,
// who and when, oldest first, and the pathway is derived from what is stored.
func TestChangeReleaseKeepsHistory(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	r, err := s.CaseRelease(ctx, caseID)
	if err != nil || r.Dates != nil || r.History != nil {
		t.Fatalf("CaseRelease before any change = %+v, %v; want the zero CaseRelease", r, err)
	}
	if p := domain.PathwayOf(r, ident.DateOf(t0)); p.Phase != domain.PhaseReleaseUnknown {
		t.Errorf("phase with nothing recorded = %s", p.Phase)
	}

	ped := domain.ReleaseDate{Date: ident.MustDate(2026, 12, 1), Kind: domain.ReleasePED}
	crd := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD, Confirmed: true}
	if _, err := s.ChangeRelease(ctx, "os:alice", t0, caseID, ped, "From NOMIS at referral"); err != nil {
		t.Fatal(err)
	}
	later := t0.Add(2*time.Hour + 500*time.Millisecond)
	got, err := s.ChangeRelease(ctx, "os:bob", later, caseID, crd, "  Parole refused  ")
	if err != nil {
		t.Fatal(err)
	}
	r, err = s.CaseRelease(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.ReleaseChange{
		{From: domain.ReleaseDate{Kind: domain.ReleasePED}, To: ped, Reason: "From NOMIS at referral", By: "os:alice", At: t0},
		{From: domain.ReleaseDate{Kind: domain.ReleaseCRD}, To: crd, Reason: "Parole refused", By: "os:bob", At: later.Truncate(time.Second)},
	}
	if !slices.Equal(r.Dates, domain.SentenceDates{crd, ped}) || len(r.History) != len(want) {
		t.Fatalf("CaseRelease = %+v", r)
	}
	for i, w := range want {
		if h := r.History[i]; h.From != w.From || h.To != w.To || h.Reason != w.Reason || h.By != w.By || !h.At.Equal(w.At) {
			t.Errorf("History[%d] = %+v, want %+v", i, h, w)
		}
		if h := got.History[i]; h.Reason != w.Reason || !h.At.Equal(w.At) {
			t.Errorf("ChangeRelease result History[%d] = %+v, want %+v", i, h, w)
		}
	}
	p := domain.PathwayOf(r, ident.DateOf(t0))
	if p.Phase != domain.PhasePreRelease || p.DaysToRelease != 43 || !strings.HasPrefix(p.Countdown, "release in 43 days") {
		t.Errorf("PathwayOf = %+v, want pre-release, 43 days", p)
	}
	entries, err := s.AuditEntries(ctx, "case", caseID)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, e := range entries {
		if e.Action == "release.changed" {
			changed = append(changed, e.Detail)
		}
	}
	if len(changed) != 2 || !strings.Contains(changed[1], `"to":{"date":"2027-01-06","kind":"CRD","confirmed":true}`) ||
		strings.Contains(changed[1], "Parole") {
		t.Errorf("release.changed audit = %q", changed)
	}
	mustVerify(t, s)
}

// A change without a reason, or one that changes nothing, is the domain's refusal and
// writes nothing, not even an audit entry.
func TestChangeReleaseRefusals(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	crd := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD}
	audits := count(t, s, "audit")
	_, err := s.ChangeRelease(ctx, "os:alice", t0, caseID, crd, "   ")
	wantErr(t, "blank reason", err, "say why", ErrInvalid, domain.ErrReleaseChange)
	if n := count(t, s, "release_changes"); n != 0 {
		t.Errorf("release_changes has %d rows after a refused change", n)
	}
	if r, err := s.CaseRelease(ctx, caseID); err != nil || !reflect.DeepEqual(r, domain.CaseRelease{}) {
		t.Errorf("the release facts after a refused change = %+v, %v; want unknown as before", r, err)
	}
	if n := count(t, s, "audit"); n != audits {
		t.Errorf("audit grew from %d to %d on a refused change", audits, n)
	}
	if _, err := s.ChangeRelease(ctx, "os:alice", t0, caseID, crd, "Recalculated"); err != nil {
		t.Fatal(err)
	}
	_, err = s.ChangeRelease(ctx, "os:alice", t0, caseID, crd, "Again")
	wantErr(t, "same date", err, "nothing to change", ErrInvalid, domain.ErrReleaseChange)
	_, err = s.ChangeRelease(ctx, "os:alice", t0, caseID, domain.ReleaseDate{Kind: "soon"}, "Guess")
	wantErr(t, "bad kind", err, "not a kind of sentence date", ErrInvalid, domain.ErrReleaseChange)
	_, err = s.ChangeRelease(ctx, "os:alice", t0, 999, crd, "No such case")
	wantErr(t, "no case", err, "case 999 does not exist", ErrNotFound)
	_, err = s.CaseRelease(ctx, 999)
	wantErr(t, "read no case", err, "case 999 does not exist", ErrNotFound)
	if n := count(t, s, "release_changes"); n != 1 {
		t.Errorf("release_changes has %d rows, want 1", n)
	}
	mustVerify(t, s)
}

// Release, recall and re-release are dated events in order: no release in the future,
// no recall before the release, no re-release without a recall or before it.
func TestReleaseRecallReRelease(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	today := ident.DateOf(t0) // 2026-11-24, a London morning

	err := s.RecordReRelease(ctx, "os:alice", t0, caseID, today)
	wantErr(t, "re-release without recall", err, "no recall is recorded", ErrConflict)
	err = s.RecordRecall(ctx, "os:alice", t0, caseID, today, "Breach of licence.")
	wantErr(t, "recall without release", err, "no release is recorded", ErrConflict)
	err = s.RecordRelease(ctx, "os:alice", t0, caseID, today.AddDays(1))
	wantErr(t, "release tomorrow", err, "in the future", ErrInvalid)
	if r, err := s.CaseRelease(ctx, caseID); err != nil || !reflect.DeepEqual(r, domain.CaseRelease{}) {
		t.Errorf("the release facts after refusals = %+v, %v; want unknown as before", r, err)
	}

	released := ident.MustDate(2026, 11, 1)
	if err := s.RecordRelease(ctx, "os:alice", t0, caseID, released); err != nil {
		t.Fatal(err)
	}
	err = s.RecordRelease(ctx, "os:alice", t0, caseID, released.AddDays(1))
	wantErr(t, "a second release date", err, "a recorded release is not replaced", ErrConflict)
	err = s.RecordReRelease(ctx, "os:alice", t0, caseID, today)
	wantErr(t, "re-release without recall after release", err, "no recall is recorded", ErrConflict)
	err = s.RecordRecall(ctx, "os:alice", t0, caseID, released.AddDays(-1), "Breach of licence.")
	wantErr(t, "recall before release", err, "a recall date before the actual release date is an error", ErrInvalid)
	err = s.RecordRecall(ctx, "os:alice", t0, caseID, released.AddDays(2), "  ")
	wantErr(t, "recall without a reason", err, "say why the person was recalled", ErrInvalid)

	recalled := ident.MustDate(2026, 11, 10)
	if err := s.RecordRecall(ctx, "os:alice", t0, caseID, recalled, "Breach of licence."); err != nil {
		t.Fatal(err)
	}
	r, err := s.CaseRelease(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	if p := domain.PathwayOf(r, today); p.Phase != domain.PhaseRecalled {
		t.Errorf("phase after recall = %s", p.Phase)
	}
	err = s.RecordRelease(ctx, "os:alice", t0, caseID, recalled.AddDays(1))
	wantErr(t, "a release after a recall", err, "record a re-release, not a release", ErrConflict)
	err = s.RecordRecall(ctx, "os:alice", t0, caseID, recalled.AddDays(1), "Breach of licence.")
	wantErr(t, "a second recall date", err, "a recorded recall is not replaced", ErrConflict)
	err = s.RecordReRelease(ctx, "os:alice", t0, caseID, recalled.AddDays(-1))
	wantErr(t, "re-release before recall", err, "before the recall", ErrInvalid)
	if err := s.RecordReRelease(ctx, "os:alice", t0, caseID, ident.MustDate(2026, 11, 20)); err != nil {
		t.Fatal(err)
	}
	if r, err = s.CaseRelease(ctx, caseID); err != nil {
		t.Fatal(err)
	}
	if r.Actual != released || r.RecalledOn != recalled || r.ReReleased != ident.MustDate(2026, 11, 20) {
		t.Errorf("CaseRelease = %+v", r)
	}
	err = s.RecordReRelease(ctx, "os:alice", t0, caseID, ident.MustDate(2026, 11, 21))
	wantErr(t, "a second re-release date", err, "a recorded re-release is not replaced", ErrConflict)
	// Out 1 to 10 November, back in custody 10 days: the clock resumes as if released on 11 November.
	if p := domain.PathwayOf(r, today); p.Phase != domain.PhasePostRelease || p.MonthSinceRelease != 1 {
		t.Errorf("phase after re-release = %+v", p)
	}
	entries, err := s.AuditEntries(ctx, "case", caseID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		if strings.HasPrefix(e.Action, "release.") {
			actions = append(actions, e.Action)
		}
	}
	if got := strings.Join(actions, " "); got != "release.actual release.recalled release.re-released" {
		t.Errorf("release audit = %s", got)
	}
	mustVerify(t, s)
}

// The history is append-only, and the schema's CHECKs hold the order of the events
// even behind the store's back.
func TestReleaseSchemaRefuses(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	crd := domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD}
	if _, err := s.ChangeRelease(ctx, "os:alice", t0, caseID, crd, "Recalculated"); err != nil {
		t.Fatal(err)
	}
	refusedSQL(t, s, "kept as made", "UPDATE release_changes SET reason = 'Tidied'")
	refusedSQL(t, s, "cannot be deleted", "DELETE FROM release_changes")
	refusedSQL(t, s, "CHECK constraint failed",
		"UPDATE sentence_dates SET kind = 'soon'",
		"UPDATE sentence_dates SET date = '2027-02-30'",
		"UPDATE sentence_dates SET kind = 'confirmed', confirmed = 0",
		"UPDATE case_release SET recalled_on = '2026-11-10'",
		"UPDATE case_release SET actual_date = '2026-11-01', recalled_on = '2026-10-01'")
	if n := count(t, s, "release_changes"); n != 1 {
		t.Errorf("release_changes has %d rows, want 1", n)
	}
	mustVerify(t, s)
}

// A database at schema 3 with a case in it is brought up to date on Open: its case
// takes its referral's release date (0006) and can then change it.
func TestOpenMigratesVersion3(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	caseID := openCase(t, s, mustClinician(t, s, "Dr Jo Lead", true), 0)
	path := downgrade(t, s, 3)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(migrations()) {
		t.Fatalf("user_version = %d (%v), want %d", version, err, len(migrations()))
	}
	// 0006 gave the case the release date its referral had.
	r, err := s.CaseRelease(ctx, caseID)
	if want := (domain.ReleaseDate{Date: ident.MustDate(2027, 1, 6), Kind: domain.ReleaseCRD}); err != nil || !slices.Equal(r.Dates, domain.SentenceDates{want}) {
		t.Fatalf("after migrating, the case's release is %+v (%v), want %+v from its referral", r.Dates, err, want)
	}
	if _, err := s.ChangeRelease(ctx, "os:alice", t0, caseID,
		domain.ReleaseDate{Date: ident.MustDate(2027, 1, 8), Kind: domain.ReleaseCRD}, "From NOMIS"); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, s)
}
