package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestAccessRequestLife(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	openCase(t, s, tm.clinician, 0)
	var person int64
	if err := s.db.QueryRow("SELECT person_id FROM cases LIMIT 1").Scan(&person); err != nil {
		t.Fatal(err)
	}
	lead := actorOf(tm.lead)
	received := ident.MustDate(2026, 10, 31)
	a := domain.AccessRequest{PersonID: person, ReceivedOn: received, RequestedBy: "the person, by letter"}
	if _, err := s.RecordAccessRequest(ctx, actorOf(tm.clinician), t0, a); !errors.Is(err, ErrForbidden) {
		t.Fatalf("a clinician recording a request = %v, want ErrForbidden (a lead's)", err)
	}
	if _, err := s.RecordAccessRequest(ctx, lead, t0, domain.AccessRequest{PersonID: person, ReceivedOn: received}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("no one who asked = %v, want ErrInvalid", err)
	}
	if _, err := s.RecordAccessRequest(ctx, lead, t0, domain.AccessRequest{PersonID: 999, ReceivedOn: received, RequestedBy: "x"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such person = %v, want ErrNotFound", err)
	}
	got, err := s.RecordAccessRequest(ctx, lead, t0, a)
	if err != nil || got.DueOn != ident.MustDate(2026, 11, 30) {
		t.Fatalf("RecordAccessRequest = %+v, %v: due 30 Nov (31 Oct plus a month, clamped)", got, err)
	}
	open, err := s.OpenAccessRequests(ctx)
	if err != nil || len(open) != 1 || open[0].Person == "" {
		t.Fatalf("OpenAccessRequests = %+v, %v", open, err)
	}
	at := t0.Add(time.Hour)
	if _, err := s.ExtendAccessRequest(ctx, lead, at, got.ID, ident.MustDate(2027, 3, 1), "complex"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("extending past two months = %v, want ErrInvalid", err)
	}
	ext, err := s.ExtendAccessRequest(ctx, lead, at, got.ID, ident.MustDate(2027, 1, 30), "Records held by three prisons")
	if err != nil || ext.Due() != ident.MustDate(2027, 1, 30) {
		t.Fatalf("ExtendAccessRequest = %+v, %v", ext, err)
	}
	if _, err := s.ExtendAccessRequest(ctx, lead, at, got.ID, ident.MustDate(2027, 1, 29), "again"); !errors.Is(err, domain.ErrAccessRequest) {
		t.Fatalf("a second extension = %v, want refused", err)
	}
	if _, err := s.AnswerAccessRequest(ctx, lead, at, got.ID, ident.MustDate(2026, 12, 1)); !errors.Is(err, ErrInvalid) {
		t.Fatalf("answered after today = %v, want ErrInvalid", err)
	}
	if _, err := s.AnswerAccessRequest(ctx, lead, at, got.ID, ident.DateOf(t0)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AnswerAccessRequest(ctx, lead, at, got.ID, ident.DateOf(t0)); !errors.Is(err, ErrConflict) {
		t.Fatalf("answering twice = %v, want ErrConflict", err)
	}
	if open, err := s.OpenAccessRequests(ctx); err != nil || len(open) != 0 {
		t.Fatalf("OpenAccessRequests after the answer = %+v, %v", open, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify: %v", err)
	}
}

func TestRetentionDecisions(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 0)
	lead := actorOf(tm.lead)
	keep := domain.RetentionDecision{CaseID: caseID, DecidedOn: ident.DateOf(t0), Decision: "keep",
		KeepUntil: ident.MustDate(2031, 1, 1), DecidedBy: "Records manager"}
	if _, err := s.RecordRetentionDecision(ctx, lead, t0, keep); !errors.Is(err, domain.ErrRetention) {
		t.Fatalf("a decision on an open case = %v, want refused", err)
	}
	died := fullSummary(caseID)
	died.Closure.Reason, died.Closure.DiedOn = domain.ClosedDied, ident.DateOf(t0)
	closeWith(t, s, tm.clinician, died)
	recs, err := s.ClosedRecords(ctx, domain.MentalHealthRetention)
	if err != nil || len(recs) != 1 || recs[0].ReviewOn != ident.MustDate(2036, 11, 24) {
		t.Fatalf("ClosedRecords = %+v, %v: review 10 years after the death", recs, err)
	}
	if _, err := s.RecordRetentionDecision(ctx, actorOf(tm.clinician), t0, keep); !errors.Is(err, ErrForbidden) {
		t.Fatalf("a clinician's decision = %v, want ErrForbidden", err)
	}
	if _, err := s.RecordRetentionDecision(ctx, lead, t0, keep); err != nil {
		t.Fatal(err)
	}
	recs, err = s.ClosedRecords(ctx, domain.MentalHealthRetention)
	if err != nil || recs[0].ReviewOn != keep.KeepUntil || recs[0].Last == nil {
		t.Fatalf("after keeping: %+v, %v", recs, err)
	}
	if got := count(t, s, "cases"); got != 1 {
		t.Fatalf("%d cases: nothing is deleted", got)
	}
}
