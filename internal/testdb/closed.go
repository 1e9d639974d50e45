package testdb

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Close closes case c at at, through the store's own discharge summary written and
// signed by c's clinician: support completed, every part said.
func Close(t testing.TB, c Case, at time.Time) domain.DischargeSummary {
	t.Helper()
	ctx := context.Background()
	d := domain.DischargeSummary{CaseID: c.ID, Closure: domain.CaseClosure{On: ident.DateOf(at), Reason: domain.ClosedCompleted},
		Parts: map[domain.SectionID]string{}}
	for _, p := range domain.DischargeParts {
		d.Parts[p.ID] = p.Title + ": as recorded."
	}
	d, err := c.Store.SaveDischargeDraft(ctx, c.Clinician.ID, at, d)
	if err == nil {
		d, err = c.Store.CloseCase(ctx, c.Clinician.ID, at, d.ID, d.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Lead adds an active lead named name to c's database.
func Lead(t testing.TB, c Case, name string, at time.Time) domain.Clinician {
	t.Helper()
	l := domain.Clinician{Name: name, Role: "consultant clinical psychologist", Active: true, Access: domain.AccessLead}
	var err error
	if l.ID, err = c.Store.AddClinician(context.Background(), "test", at, l); err != nil {
		t.Fatal(err)
	}
	return l
}
