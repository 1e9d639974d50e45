package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// openCase adds the i-th person's eligible referral, screens it in and accepts it at a
// consultation allocated to clinician, through the store's own decisions, and returns
// the case it opened.
func openCase(t testing.TB, s *Store, clinician int64, i int) int64 {
	t.Helper()
	return openCaseWith(t, s, clinician, i, func(*domain.Referral) {})
}

// openCaseWith is openCase with the referral changed by edit before it is added.
func openCaseWith(t testing.TB, s *Store, clinician int64, i int, edit func(*domain.Referral)) int64 {
	t.Helper()
	ctx := context.Background()
	r := eligibleReferral(t)
	r.Person.NHSNumber = testNHS(500 + i)
	r.Person.GivenName = []string{"Ada", "Siobhán", "Łukasz", "Noor"}[i%4]
	edit(&r)
	id := mustAdd(t, s, r)
	reason := "" // an incomplete referral is screened in only with a reason
	if r.ExpectedRelease.IsZero() {
		reason = "Release date to follow from the POM"
	}
	if _, err := s.ScreenReferral(ctx, "os:alice", t0, id, domain.ScreenedIn, reason); err != nil {
		t.Fatal(err)
	}
	_, caseID, err := s.RecordConsultation(ctx, "os:bob", t0, meeting(id, domain.ConsultAccepted, clinician))
	if err != nil || caseID == 0 {
		t.Fatalf("RecordConsultation = %d, %v", caseID, err)
	}
	return caseID
}

// draft is a complete note on caseID about a contact an hour before t0.
func draft(caseID int64, text string) domain.Note {
	return domain.Note{CaseID: caseID, Type: domain.NoteFaceToFace, ContactAt: t0.Add(-time.Hour),
		DurationMinutes: 50, Present: "the person; Dr Ali", Text: text}
}

// mustSave saves a draft by clinician at t0.
func mustSave(t testing.TB, s *Store, clinician int64, n domain.Note) domain.Note {
	t.Helper()
	saved, err := s.SaveNoteDraft(context.Background(), clinician, t0, n)
	if err != nil {
		t.Fatalf("SaveNoteDraft: %v", err)
	}
	return saved
}

// signedNote saves and signs a note by clinician on caseID.
func signedNote(t testing.TB, s *Store, clinician, caseID int64, text string) domain.Note {
	t.Helper()
	n := mustSave(t, s, clinician, draft(caseID, text))
	signed, err := s.SignNote(context.Background(), clinician, t0.Add(time.Minute), n.ID, n.Revision)
	if err != nil {
		t.Fatalf("SignNote: %v", err)
	}
	return signed
}

// signedFormulation saves and signs a new formulation version by clinician on caseID.
func signedFormulation(t testing.TB, s *Store, clinician, caseID int64, sections map[domain.SectionID]string) domain.Formulation {
	t.Helper()
	ctx := context.Background()
	f, err := s.SaveFormulationDraft(ctx, clinician, t0, domain.Formulation{CaseID: caseID, Sections: sections})
	if err != nil {
		t.Fatalf("SaveFormulationDraft: %v", err)
	}
	if f, err = s.SignFormulation(ctx, clinician, t0.Add(time.Minute), f.ID, f.Revision); err != nil {
		t.Fatalf("SignFormulation: %v", err)
	}
	return f
}

// wantErr fails unless err is each of kinds (errors.Is) and its message holds text.
func wantErr(t testing.TB, what string, err error, text string, kinds ...error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want %q", what, text)
		return
	}
	for _, k := range kinds {
		if !errors.Is(err, k) {
			t.Errorf("%s: %v is not %v", what, err, k)
		}
	}
	if !strings.Contains(err.Error(), text) {
		t.Errorf("%s: %q does not say %q", what, err, text)
	}
}

// refusedSQL runs statements behind the store's back and wants each refused, saying why.
func refusedSQL(t testing.TB, s *Store, why string, statements ...string) {
	t.Helper()
	for _, q := range statements {
		if _, err := s.db.Exec(q); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("%s: %v, want refused with %q", q, err, why)
		}
	}
}
