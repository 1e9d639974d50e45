package store

import (
	"context"
	"testing"
)

// A reload of an open case view reads the same summary as opening it, and writes nothing.
func TestCaseSummaryReadsWithoutAuditing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseA := openCase(t, s, ali, 0)
	mustSave(t, s, ali, draft(caseA, "A draft."))
	viewed, err := s.ViewCase(ctx, ali, t0, caseA)
	if err != nil {
		t.Fatal(err)
	}
	audit := count(t, s, "audit")
	again, err := s.CaseSummary(ctx, caseA)
	if err != nil {
		t.Fatal(err)
	}
	if again.Case != viewed.Case || again.Referral.ID != viewed.Referral.ID || again.Referral.Person.Name() != "Ada Testperson" ||
		again.Clinician.Name != "Dr Ali" || again.Drafts != 1 {
		t.Errorf("CaseSummary = %+v, ViewCase read %+v", again, viewed)
	}
	if n := count(t, s, "audit"); n != audit {
		t.Errorf("CaseSummary wrote %d audit entries", n-audit)
	}
	_, err = s.CaseSummary(ctx, 99)
	wantErr(t, "no such case", err, "case 99 does not exist", ErrNotFound)
}
