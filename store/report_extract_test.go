package store

import (
	"context"
	"errors"
	"testing"

	"caseload/internal/ident"
)

// The extract is a lead's: a clinician is refused and nothing is audited; a lead's is
// one audit entry naming the period and the number of people, and nothing about them.
func TestExtractReportIsALeadsAndAudited(t *testing.T) {
	s, tm := reportDB(t)
	ctx := context.Background()
	from, to := ident.MustDate(2026, 10, 1), ident.MustDate(2026, 11, 30)
	before := count(t, s, "audit")
	if _, err := s.ExtractReport(ctx, actorOf(tm.clinician), t0, from, to); !errors.Is(err, ErrForbidden) {
		t.Fatalf("a clinician's extract = %v, want ErrForbidden", err)
	}
	if n := count(t, s, "audit"); n != before {
		t.Fatalf("a refused extract wrote %d audit entries", n-before)
	}
	f, err := s.ExtractReport(ctx, actorOf(tm.lead), t0, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Referrals) != 6 {
		t.Errorf("%d referrals read, want 6", len(f.Referrals))
	}
	// People referred in October and November: R1, R2, R4, R5 (R3 in September).
	got := lastDetail(t, s, "report", 0, ActionReportExtracted)
	if len(got) != 3 || got["from"] != "2026-10-01" || got["to"] != "2026-11-30" || got["people"] != 4.0 {
		t.Errorf("audit detail %v, want the period and 4 people, nothing else", got)
	}
	if _, err := s.ExtractReport(ctx, actorOf(tm.lead), t0, to, from); !errors.Is(err, ErrInvalid) {
		t.Errorf("a backwards period = %v, want ErrInvalid", err)
	}
	mustVerify(t, s)
}
