package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// fullSummary is a discharge summary on caseID with every part written, closing as
// support completed on the day of t0.
func fullSummary(caseID int64) domain.DischargeSummary {
	d := domain.DischargeSummary{CaseID: caseID, Parts: map[domain.SectionID]string{},
		Closure: domain.CaseClosure{On: ident.DateOf(t0), Reason: domain.ClosedCompleted}}
	for _, p := range domain.DischargeParts {
		d.Parts[p.ID] = p.Title + ": written"
	}
	return d
}

// closeWith drafts d as clinician and closes its case, an hour after t0.
func closeWith(t testing.TB, s *Store, clinician int64, d domain.DischargeSummary) domain.DischargeSummary {
	t.Helper()
	ctx := context.Background()
	saved, err := s.SaveDischargeDraft(ctx, clinician, t0, d)
	if err != nil {
		t.Fatalf("SaveDischargeDraft: %v", err)
	}
	signed, err := s.CloseCase(ctx, clinician, t0.Add(time.Hour), saved.ID, saved.Revision)
	if err != nil {
		t.Fatalf("CloseCase: %v", err)
	}
	return signed
}

func TestClosingACaseTakesItOffTheLists(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	other := openCase(t, s, tm.clinician, 1)
	signed := closeWith(t, s, tm.clinician, fullSummary(caseID))
	if signed.Hash != domain.DischargeHash(signed) || !signed.Signed() {
		t.Fatalf("signed summary %+v: hash does not hold", signed)
	}
	sums, err := s.CaseSummaries(ctx)
	if err != nil || len(sums) != 1 || sums[0].Case.ID != other {
		t.Fatalf("CaseSummaries after closing = %+v, %v: want only case %d", sums, err, other)
	}
	closed, err := s.CasesByStatus(ctx, "closed")
	if err != nil || len(closed) != 1 || closed[0].CaseID != caseID || closed[0].Closure.Reason != domain.ClosedCompleted {
		t.Fatalf("CasesByStatus(closed) = %+v, %v", closed, err)
	}
	all, err := s.CasesByStatus(ctx, "all")
	if err != nil || len(all) != 2 {
		t.Fatalf("CasesByStatus(all) = %d cases, %v", len(all), err)
	}
	if _, err := s.CasesByStatus(ctx, "shut"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("CasesByStatus(shut) = %v, want ErrInvalid", err)
	}
	// Nothing more is written on a closed case, and it stays readable.
	if _, err := s.SaveDischargeDraft(ctx, tm.clinician, t0, fullSummary(caseID)); !errors.Is(err, domain.ErrCaseClosed) {
		t.Fatalf("a second summary on a closed case = %v, want ErrCaseClosed", err)
	}
	if _, err := s.ViewCase(ctx, tm.clinician, t0.Add(2*time.Hour), caseID); err != nil {
		t.Fatalf("a closed case is not readable: %v", err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify after closing: %v", err)
	}
}

func TestClosingRefusals(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	empty := fullSummary(caseID)
	delete(empty.Parts, "risk")
	d, err := s.SaveDischargeDraft(ctx, tm.clinician, t0, empty)
	if err != nil {
		t.Fatal(err)
	}
	var field *domain.FieldRefusal
	if _, err := s.CloseCase(ctx, tm.clinician, t0.Add(time.Hour), d.ID, d.Revision); !errors.As(err, &field) || field.Field != "risk" {
		t.Fatalf("closing with risk at discharge empty = %v, want a refusal of the part risk", err)
	}
	// Another window saved since: the signer's revision is stale.
	d.Parts = fullSummary(caseID).Parts
	newer, err := s.SaveDischargeDraft(ctx, tm.clinician, t0.Add(time.Minute), d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseCase(ctx, tm.clinician, t0.Add(time.Hour), d.ID, d.Revision); !errors.Is(err, ErrStale) {
		t.Fatalf("closing from an old revision = %v, want ErrStale", err)
	}
	if _, err := s.SaveDischargeDraft(ctx, tm.lead, t0, fullSummary(caseID)); !errors.Is(err, ErrStale) {
		t.Fatalf("a second draft on the case = %v, want ErrStale naming the one there", err)
	}
	newer.Parts = d.Parts
	if _, err := s.SaveDischargeDraft(ctx, tm.lead, t0, newer); !errors.Is(err, domain.ErrNotAuthor) {
		t.Fatalf("saving over another's draft = %v, want ErrNotAuthor", err)
	}
	died := newer
	died.Closure = domain.CaseClosure{On: ident.DateOf(t0), Reason: domain.ClosedDied}
	if died, err = s.SaveDischargeDraft(ctx, tm.clinician, t0.Add(2*time.Minute), died); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseCase(ctx, tm.clinician, t0.Add(time.Hour), died.ID, died.Revision); !errors.As(err, &field) || field.Field != domain.FieldDiedOn {
		t.Fatalf("closing as died without the date = %v, want a refusal of died_on", err)
	}
	if _, err := s.SaveDischargeDraft(ctx, tm.admin, t0, fullSummary(openCase(t, s, tm.clinician, 1))); !errors.Is(err, ErrForbidden) {
		t.Fatalf("IT writing a discharge summary = %v, want ErrForbidden", err)
	}
	if got := count(t, s, "discharge_summaries"); got != 1 {
		t.Fatalf("%d summaries after refusals, want the one draft", got)
	}
}

func TestReopeningNeedsALeadAndAReason(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	first := closeWith(t, s, tm.clinician, fullSummary(caseID))
	at := t0.Add(3 * time.Hour)
	for _, tc := range []struct {
		name   string
		by     int64
		reason string
		want   error
	}{
		{"a clinician", tm.clinician, "back in the area", ErrForbidden},
		{"a lead who left", tm.left, "back in the area", ErrConflict},
		{"no reason", tm.lead, "  ", ErrInvalid},
		{"an open case", tm.lead, "x", nil},
	} {
		if tc.want == nil {
			continue
		}
		if _, err := s.ReopenCase(ctx, tc.by, at, caseID, tc.reason); !errors.Is(err, tc.want) {
			t.Errorf("%s: ReopenCase = %v, want %v", tc.name, err, tc.want)
		}
	}
	r, err := s.ReopenCase(ctx, tm.lead, at, caseID, "Recalled and re-released into Cumbria")
	if err != nil || r.SummaryID != first.ID {
		t.Fatalf("ReopenCase = %+v, %v", r, err)
	}
	if _, err := s.ReopenCase(ctx, tm.lead, at, caseID, "again"); !errors.Is(err, ErrConflict) {
		t.Fatalf("reopening an open case = %v, want ErrConflict", err)
	}
	// It can close again; the first closing keeps its reopening.
	second := fullSummary(caseID)
	second.Closure.Reason, second.Closure.TransferredTo = domain.ClosedTransferred, "Mersey Care NHS FT"
	closeWith(t, s, tm.clinician, second)
	got, err := s.DischargeSummaries(ctx, caseID)
	if err != nil || len(got) != 2 || got[0].Reopened == nil || got[0].Reopened.Reason != r.Reason || got[1].Reopened != nil {
		t.Fatalf("DischargeSummaries = %+v, %v", got, err)
	}
	closed, err := s.CasesByStatus(ctx, "closed")
	if err != nil || len(closed) != 1 || closed[0].Closure.Reason != domain.ClosedTransferred {
		t.Fatalf("the closure in force = %+v, %v: want the second", closed, err)
	}
	actions := auditActions(t, s)
	if !strings.Contains(actions, "case.reopened") || strings.Count(actions, "case.closed") != 2 {
		t.Fatalf("audit %s: want two closings and a reopening", actions)
	}
}

// auditActions is every audit action in order, space separated.
func auditActions(t testing.TB, s *Store) string {
	t.Helper()
	rows, err := s.db.Query("SELECT action FROM audit ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return strings.Join(out, " ")
}
