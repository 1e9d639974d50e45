package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// CasesOnPathway reads every open case's release facts with their history, each case
// its own, whatever order the changes were made in.
func TestCasesOnPathway(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	lead := mustClinician(t, s, "Dr Jo Lead", true)
	a := openCase(t, s, lead, 0)
	other := mustClinician(t, s, "Sam Other", true)
	b := openCaseWith(t, s, other, 1, func(r *domain.Referral) { r.ExpectedRelease, r.ReleaseDateType = ident.Date{}, "" })
	moves := []struct {
		caseID int64
		to     ident.Date
		reason string
	}{{a, ident.MustDate(2027, 2, 1), "Recalculated"}, {b, ident.MustDate(2027, 5, 1), "From NOMIS"}, {a, ident.MustDate(2027, 3, 1), "Parole refused"}}
	for i, m := range moves {
		if _, err := s.ChangeRelease(ctx, "os:alice", t0.Add(time.Duration(i)*time.Hour), m.caseID,
			domain.ReleaseDate{Date: m.to, Kind: domain.ReleaseCRD}, m.reason); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.CasesOnPathway(ctx)
	if err != nil || len(got) != 2 {
		t.Fatalf("CasesOnPathway = %d cases, %v; want 2", len(got), err)
	}
	ca, cb := got[0], got[1]
	if ca.CaseID != a || ca.Clinician != "Dr Jo Lead" || ca.ClinicianID != lead || ca.Person.Name() == "" {
		t.Errorf("first case = %+v", ca)
	}
	if cb.CaseID != b || cb.ClinicianID != other || cb.Clinician != "Sam Other" {
		t.Errorf("second case = %+v, want case %d held by Sam Other", cb, b)
	}
	if h := ca.Release.History; len(h) != 2 || h[0].Reason != "Recalculated" || h[1].Reason != "Parole refused" ||
		ca.Release.Dates.Of(domain.ReleaseCRD).Date != ident.MustDate(2027, 3, 1) {
		t.Errorf("case %d release = %+v", a, ca.Release)
	}
	if h := cb.Release.History; len(h) != 1 || !h[0].From.Date.IsZero() || h[0].Reason != "From NOMIS" {
		t.Errorf("case %d release = %+v", b, cb.Release)
	}
	one, err := s.CaseRelease(ctx, a)
	if err != nil || len(one.History) != len(ca.Release.History) || one.History[1] != ca.Release.History[1] {
		t.Errorf("CaseRelease and CasesOnPathway disagree: %+v vs %+v", one, ca.Release)
	}
}
