package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// A screening decided in a meeting and typed a day later: screened_at and the decision
// are when it was made, the 48 hours are measured to then, and the audit keeps both
// times and why (docs/RULES.md, "When a decision was made").
func TestScreenReferralAtWhenMade(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	r := eligibleReferral(t)
	id := mustAdd(t, s, r)
	made := r.ReceivedAt.Add(5 * time.Hour)
	entered := r.ReceivedAt.Add(60 * time.Hour) // past the 48 hours when typed
	before := state(t, s, id)
	if _, err := s.ScreenReferralAt(ctx, "os:bob", entered, id, domain.ScreenedIn, "", domain.DecisionTime{At: made}); !errors.Is(err, ErrInvalid) ||
		!errors.Is(err, domain.ErrDecidedLateNoReason) {
		t.Fatalf("made earlier without a reason: %v", err)
	}
	if _, err := s.ScreenReferralAt(ctx, "os:bob", entered, id, domain.ScreenedIn, "",
		domain.DecisionTime{At: r.ReceivedAt.Add(-time.Minute), Reason: "x"}); !errors.Is(err, domain.ErrDecidedBeforeReceipt) {
		t.Fatalf("made before received: %v", err)
	}
	if after := state(t, s, id); after != before {
		t.Errorf("a refused decision wrote: %+v -> %+v", before, after)
	}
	d, err := s.ScreenReferralAt(ctx, "os:bob", entered, id, domain.ScreenedIn, "",
		domain.DecisionTime{At: made, Reason: " Screening meeting; typed next day. "})
	if err != nil {
		t.Fatal(err)
	}
	if !d.WithinWindow || !d.DecidedAt.Equal(made) || !d.EnteredAt.Equal(entered) || d.LateReason != "Screening meeting; typed next day." {
		t.Errorf("decision %+v", d)
	}
	got, ok, err := s.Screening(ctx, id)
	if err != nil || !ok || !got.DecidedAt.Equal(made) || !got.EnteredAt.Equal(entered) || got.LateReason != d.LateReason || !got.WithinWindow {
		t.Errorf("read back %+v, %v, %v", got, ok, err)
	}
	if ref, _ := s.Referral(ctx, id); !ref.ScreenedAt.Equal(made) || ref.Clock(entered).Text() != "decided in 5h" {
		t.Errorf("referral screened at %v, clock %q", ref.ScreenedAt, ref.Clock(entered).Text())
	}
	detail := lastDetail(t, s, "referral", id, "referral.screened")
	if detail["decided_at"] != formatTime(made) || detail["entered_at"] != formatTime(entered) ||
		detail["late_reason"] != "Screening meeting; typed next day." || detail["within_48h"] != true {
		t.Errorf("audit detail = %v", detail)
	}
	entries, err := s.ScreeningsEntered(ctx)
	if err != nil || !entries[id].Equal(entered) {
		t.Errorf("ScreeningsEntered = %v, %v", entries, err)
	}
	mustVerify(t, s)
}

// A consultation held yesterday and typed today says when it was decided and why late;
// one dated before the referral was received is refused.
func TestRecordConsultationWhenDecided(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	id := screenedIn(t, s)
	at := t0.Add(2 * time.Hour)
	early := meeting(id, domain.ConsultAccepted, jo)
	early.MeetingDate = ident.MustDate(2020, time.January, 1)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", at, early); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a meeting in 2020: %v", err)
	}
	c := meeting(id, domain.ConsultAccepted, jo)
	c.DecidedAt = time.Date(2026, time.November, 23, 15, 30, 0, 0, time.UTC)
	if _, _, err := s.RecordConsultation(ctx, "os:bob", at, c); !errors.Is(err, domain.ErrDecidedLateNoReason) {
		t.Fatalf("decided yesterday with no reason: %v", err)
	}
	c.LateReason = "Typed after the meeting."
	if _, _, err := s.RecordConsultation(ctx, "os:bob", at, c); err != nil {
		t.Fatal(err)
	}
	detail := lastDetail(t, s, "referral", id, "referral.consulted")
	if detail["decided_at"] != "2026-11-23T15:30:00Z" || detail["entered_at"] != formatTime(at) || detail["late_reason"] != "Typed after the meeting." {
		t.Errorf("audit detail = %v", detail)
	}
	mustVerify(t, s)
}
