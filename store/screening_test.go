package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestScreenInEligible(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	id := mustAdd(t, s, r)
	at := r.ReceivedAt.Add(10*time.Hour + 500*time.Millisecond)
	d, err := s.ScreenReferral(ctx, "os:bob", at, id, domain.ScreenedIn, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Checklist.Verdict != domain.Eligible || len(d.Checklist.Rules) != len(domain.RuleIDs) || !d.WithinWindow ||
		d.Checklist.WindowOpensOn != ident.MustDate(2026, time.July, 6) || d.Reason != "" || d.DecidedBy != "os:bob" {
		t.Fatalf("decision = %+v", d)
	}
	got, ok, err := s.Screening(ctx, id)
	if err != nil || !ok || !reflect.DeepEqual(got, d) {
		t.Fatalf("Screening = %+v, %v, %v\n want %+v", got, ok, err, d)
	}
	stored, err := s.Referral(ctx, id)
	if err != nil || stored.Status != domain.StatusScreenedIn || !stored.ScreenedAt.Equal(at.Truncate(time.Second)) {
		t.Errorf("referral = %+v, %v", stored, err)
	}
	detail := lastDetail(t, s, "referral", id, "referral.screened")
	want := map[string]any{"referral_id": float64(id), "outcome": "in", "verdict": "eligible",
		"override": false, "within_48h": true, "within_deadline": true, "deadline_rule": "48-hours",
		"decided_at": formatTime(at), "entered_at": formatTime(at)}
	if !reflect.DeepEqual(detail, want) {
		t.Errorf("audit detail = %v, want %v", detail, want)
	}
	mustVerify(t, s)
}

func TestScreenOutNeedsReason(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := mustAdd(t, s, eligibleReferral(t))
	before := state(t, s, id)
	_, err := s.ScreenReferral(ctx, "os:bob", t0, id, domain.ScreenedOut, "  ")
	if !errors.Is(err, ErrInvalid) || err.Error() != "give the reason for screening out" {
		t.Fatalf("out without a reason: %v", err)
	}
	if after := state(t, s, id); after != before {
		t.Errorf("a refused decision wrote: %+v -> %+v", before, after)
	}
	if _, ok, _ := s.Screening(ctx, id); ok {
		t.Error("a refused decision is readable")
	}
	d, err := s.ScreenReferral(ctx, "os:bob", t0, id, domain.ScreenedOut, " Moving to Devon. ")
	if err != nil || d.Reason != "Moving to Devon." {
		t.Fatalf("out with a reason: %+v, %v", d, err)
	}
	if got, _, _ := s.Screening(ctx, id); !reflect.DeepEqual(got, d) {
		t.Errorf("read back %+v, want %+v", got, d)
	}
	if r, _ := s.Referral(ctx, id); r.Status != domain.StatusScreenedOut {
		t.Errorf("status %s", r.Status)
	}
}

func TestScreenInAgainstFailingCriterion(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	r.Source = domain.SourceSelf
	id := mustAdd(t, s, r)
	before := state(t, s, id)
	_, err := s.ScreenReferral(ctx, "os:bob", t0, id, domain.ScreenedIn, "")
	if !errors.Is(err, ErrInvalid) || errors.Is(err, domain.ErrTransition) ||
		!strings.Contains(err.Error(), "not-eligible (source)") || !strings.Contains(err.Error(), "give the reason") {
		t.Fatalf("in without a reason: %v", err)
	}
	if after := state(t, s, id); after != before {
		t.Errorf("a refused decision wrote: %+v -> %+v", before, after)
	}
	d, err := s.ScreenReferral(ctx, "os:bob", t0, id, domain.ScreenedIn, "Lead agreed: probation will co-sign.")
	if err != nil || d.Checklist.Verdict != domain.NotEligible {
		t.Fatalf("in with a reason: %+v, %v", d, err)
	}
	if got, _, _ := s.Screening(ctx, id); !reflect.DeepEqual(got, d) {
		t.Errorf("read back %+v, want %+v", got, d)
	}
	detail := lastDetail(t, s, "referral", id, "referral.screened")
	if detail["override"] != true || !reflect.DeepEqual(detail["open_criteria"], []any{"source"}) || detail["verdict"] != "not-eligible" {
		t.Errorf("audit detail = %v", detail)
	}
}

// The checklist read back is the one decided on, unknown window and all.
func TestScreeningChecklistWithoutRelease(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	r.ExpectedRelease = ident.Date{}
	id := mustAdd(t, s, r)
	d, err := s.ScreenReferral(ctx, "os:bob", t0, id, domain.ScreenedIn, "Release date to follow.")
	if err != nil || d.Checklist.Verdict != domain.Incomplete || !d.Checklist.WindowOpensOn.IsZero() {
		t.Fatalf("%+v, %v", d, err)
	}
	if got, _, err := s.Screening(ctx, id); err != nil || !reflect.DeepEqual(got, d) {
		t.Errorf("read back %+v (%v), want %+v", got, err, d)
	}
}

func TestScreenTwiceRefused(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := screenedIn(t, s)
	first, _, _ := s.Screening(ctx, id)
	before := state(t, s, id)
	for _, o := range []domain.ScreeningOutcome{domain.ScreenedIn, domain.ScreenedOut} {
		_, err := s.ScreenReferral(ctx, "os:carol", t0.Add(time.Hour), id, o, "second thoughts")
		var se *Error
		if !errors.Is(err, domain.ErrTransition) || !errors.Is(err, ErrConflict) || !errors.As(err, &se) || se.Path != s.Path() {
			t.Fatalf("screening %s again: %v", o, err)
		}
		if want := domain.CheckTransition(domain.StatusScreenedIn, map[domain.ScreeningOutcome]domain.ReferralStatus{
			domain.ScreenedIn: domain.StatusScreenedIn, domain.ScreenedOut: domain.StatusScreenedOut}[o]).Error(); err.Error() != want {
			t.Errorf("message %q, want the domain's %q", err, want)
		}
	}
	if after := state(t, s, id); after != before {
		t.Errorf("a refused decision wrote: %+v -> %+v", before, after)
	}
	if got, _, _ := s.Screening(ctx, id); !reflect.DeepEqual(got, first) {
		t.Errorf("the first decision changed: %+v", got)
	}
}

func TestScreenWithin48h(t *testing.T) {
	for _, tt := range []struct {
		after time.Duration
		want  bool
	}{{47*time.Hour + 59*time.Minute, true}, {48 * time.Hour, true}, {48*time.Hour + time.Second, false}, {72 * time.Hour, false}} {
		s := newStore(t)
		r := eligibleReferral(t)
		id := mustAdd(t, s, r)
		d, err := s.ScreenReferral(context.Background(), "os:bob", r.ReceivedAt.Add(tt.after), id, domain.ScreenedIn, "")
		if err != nil || d.WithinWindow != tt.want {
			t.Errorf("screened %s after receipt: within %v (%v), want %v", tt.after, d.WithinWindow, err, tt.want)
		}
		if got, _, _ := s.Screening(context.Background(), id); got.WithinWindow != tt.want {
			t.Errorf("screened %s after receipt: stored within %v", tt.after, got.WithinWindow)
		}
	}
}

func TestScreenRefusesBadCalls(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	id := mustAdd(t, s, eligibleReferral(t))
	if _, err := s.ScreenReferral(ctx, "os:bob", t0, 999, domain.ScreenedIn, ""); !errors.Is(err, ErrNotFound) ||
		err.Error() != "referral 999 does not exist" {
		t.Errorf("missing referral: %v", err)
	}
	if _, err := s.ScreenReferral(ctx, "os:bob", t0, id, "maybe", "x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown outcome: %v", err)
	}
	if _, err := s.ScreenReferral(ctx, "", t0, id, domain.ScreenedIn, ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("no actor: %v", err)
	}
	if _, err := s.ScreenReferral(ctx, "os:bob", time.Time{}, id, domain.ScreenedIn, ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("no time: %v", err)
	}
	if n := count(t, s, "screenings"); n != 0 {
		t.Errorf("%d screenings written", n)
	}
}

// Two clinicians screening one referral at once, each in their own session on the
// same file: the IMMEDIATE transaction makes them take turns, and the second is judged
// against the first one's decision.
func TestScreenConcurrentlyOneWins(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	id := mustAdd(t, a, eligibleReferral(t))
	b, err := Open(ctx, a.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for round := range 5 {
		id := id
		if round > 0 {
			id = mustAdd(t, a, eligibleReferral(t))
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, 2)
		for i, s := range []*Store{a, b} {
			wg.Go(func() {
				<-start
				outcome, reason := domain.ScreenedIn, ""
				if i == 1 {
					outcome, reason = domain.ScreenedOut, "not for us"
				}
				_, errs[i] = s.ScreenReferral(ctx, "os:clinician", t0, id, outcome, reason)
			})
		}
		close(start)
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, domain.ErrTransition):
				t.Fatalf("round %d: the loser got %v, want ErrTransition", round, err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d of 2 decisions won: %v", round, won, errs)
		}
	}
	if n := count(t, a, "screenings"); n != 5 {
		t.Errorf("%d screenings, want 5", n)
	}
	mustVerify(t, a)
}

// A clinician deactivated while their session is open can decide nothing more: the
// decision is refused in its own transaction, by name, and nothing is written.
func TestDeactivatedClinicianCannotDecide(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	id := mustAdd(t, s, r)
	cid, err := s.AddClinician(ctx, "os:lead", t0, domain.Clinician{Name: "Dr Olu Bankole", Role: "Clinical psychologist"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeactivateClinician(ctx, "os:lead", t0, cid); err != nil {
		t.Fatal(err)
	}
	before := count(t, s, "audit")
	_, err = s.ScreenReferral(ctx, clinicianActor(cid), r.ReceivedAt.Add(time.Hour), id, domain.ScreenedIn, "")
	wantErr(t, "a deactivated clinician's decision", err, "Dr Olu Bankole has been deactivated", ErrConflict)
	if got, _ := s.Referral(ctx, id); got.Status != domain.StatusReceived || count(t, s, "audit") != before {
		t.Fatalf("the refused decision wrote something: status %s, audit %d -> %d", got.Status, before, count(t, s, "audit"))
	}
}
