package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
)

func TestViewCaseAndSummaries(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseA, caseB := openCase(t, s, ali, 0), openCase(t, s, bea, 1)

	c, err := s.Case(ctx, caseA)
	if err != nil || c.ID != caseA || c.AllocatedClinicianID != ali || c.Status != domain.CaseOpen {
		t.Fatalf("Case = %+v, %v", c, err)
	}
	_, err = s.Case(ctx, 99)
	wantErr(t, "no such case", err, "case 99 does not exist", ErrNotFound)

	sums, err := s.CaseSummaries(ctx)
	if err != nil || len(sums) != 2 {
		t.Fatalf("CaseSummaries = %+v, %v", sums, err)
	}
	a := sums[0]
	if a.Case.ID != caseA || a.Referral.ID != a.Case.ReferralID || a.Referral.Person.Name() != "Ada Testperson" ||
		a.Clinician.Name != "Dr Ali" || a.FormulationVersion != 0 || !a.LastContact.IsZero() || a.Drafts != 0 {
		t.Errorf("fresh summary = %+v", a)
	}
	if sums[1].Clinician.ID != bea || sums[1].Referral.Person.GivenName != "Siobhán" {
		t.Errorf("second summary = %+v", sums[1])
	}

	// Drafts count, whoever wrote them; the last contact is the latest signed one.
	older := draft(caseA, "Signed.")
	older.ContactAt = t0.Add(-48 * time.Hour)
	older = mustSave(t, s, ali, older)
	if _, err := s.SignNote(ctx, ali, t0, older.ID, older.Revision); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, bea, draft(caseA, "A newer contact, still a draft."))
	f := signedFormulation(t, s, ali, caseA, map[domain.SectionID]string{"plan": "Weekly."})
	if _, err := s.SaveFormulationDraft(ctx, ali, t0, f.NextDraft(ali, t0)); err != nil {
		t.Fatal(err)
	}
	at := t0.Add(3 * time.Hour)
	sum, err := s.ViewCase(ctx, bea, at, caseA)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Case.ID != caseA || sum.Referral.Person.Name() != "Ada Testperson" || sum.FormulationVersion != 2 ||
		!sum.FormulationSignedAt.IsZero() || !sum.LastContact.Equal(older.ContactAt) || sum.Drafts != 2 {
		t.Errorf("ViewCase summary = %+v", sum)
	}
	es, err := s.AuditEntries(ctx, "case", caseA)
	if err != nil || len(es) == 0 {
		t.Fatal(err)
	}
	e := es[len(es)-1]
	if e.Action != "case.viewed" || e.Actor != "clinician:2" || !e.At.Equal(at) || e.Detail != `{"case_id":1,"clinician_id":2}` {
		t.Errorf("audit entry = %+v", e)
	}
	signedFormulation(t, s, bea, caseB, map[domain.SectionID]string{"plan": "Fortnightly."})
	if sums, _ := s.CaseSummaries(ctx); sums[1].FormulationVersion != 1 || !sums[1].FormulationSignedAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("signed formulation summary = %+v", sums[1])
	}

	audit := count(t, s, "audit")
	_, err = s.ViewCase(ctx, bea, at, 99)
	wantErr(t, "viewing no case", err, "case 99 does not exist", ErrNotFound)
	if count(t, s, "audit") != audit {
		t.Error("a refused view was audited")
	}
	mustVerify(t, s)
}
