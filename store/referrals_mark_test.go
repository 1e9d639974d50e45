package store

import (
	"context"
	"testing"

	"caseload/internal/domain"
)

// The mark moves with every change to a referral (added, screened, corrected) and with
// nothing else (a case viewed, a note saved).
func TestReferralsMarkMovesWithReferralsOnly(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	mark := func() int64 {
		t.Helper()
		m, err := s.ReferralsMark(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	empty := mark()
	ali := mustClinician(t, s, "Dr Ali", true)
	caseA := openCase(t, s, ali, 0)
	opened := mark()
	if opened == empty {
		t.Fatal("adding and deciding a referral did not move the mark")
	}
	if _, err := s.ViewCase(ctx, ali, t0, caseA); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, ali, draft(caseA, "A draft."))
	if mark() != opened {
		t.Error("a view and a note moved the referrals' mark")
	}
	r := fullReferral(t)
	r.Status = domain.StatusReceived
	id, err := s.AddReferral(ctx, "test", t0, r)
	if err != nil {
		t.Fatal(err)
	}
	added := mark()
	if added == opened {
		t.Error("a new referral did not move the mark")
	}
	if _, err := s.ScreenReferral(ctx, "test", t0, id, domain.ScreenedIn, "In."); err != nil {
		t.Fatal(err)
	}
	if mark() == added {
		t.Error("a screening decision did not move the mark")
	}
}

// BenchmarkReferralsMark20k is the mark read at 20,000 referrals.
func BenchmarkReferralsMark20k(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	if _, err := s.AddReferrals(ctx, "bench", t0, referralsN(20_000)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.ReferralsMark(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// The mark read through the index of actions is the mark the scan of every referral's
// audit entries gives, after each kind of change (and after views and notes, which it
// leaves alone); and it can be, since every audit entry about a referral or a setting
// has an action named for it.
func TestEveryReferralActionIsNamedForIt(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	same := func(after string) {
		t.Helper()
		var scanned int64
		if err := s.db.QueryRowContext(ctx, referralsMarkScan).Scan(&scanned); err != nil {
			t.Fatal(err)
		}
		if m, err := s.ReferralsMark(ctx); err != nil || m != scanned {
			t.Fatalf("after %s: mark %d (%v), the scan's %d", after, m, err, scanned)
		}
		var stray string
		err := s.db.QueryRowContext(ctx, `SELECT ifnull(group_concat(entity || ' ' || action, ', '), '') FROM audit
			WHERE entity IN ('referral', 'setting') AND substr(action, 1, length(entity) + 1) <> entity || '.'`).Scan(&stray)
		if err != nil || stray != "" {
			t.Fatalf("after %s: actions not named for their record: %q %v", after, stray, err)
		}
	}
	same("nothing")
	ali := mustClinician(t, s, "Dr Ali", true)
	caseA := openCase(t, s, ali, 0)
	same("a referral added, screened and consulted on")
	if _, err := s.ViewCase(ctx, ali, t0, caseA); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, ali, draft(caseA, "A draft."))
	same("a view and a note")
	r := eligibleReferral(t)
	r.Person.NHSNumber = testNHS(900)
	id := mustAdd(t, s, r)
	if err := s.RecordViewed(ctx, "os:alice", t0, "referral", id); err != nil {
		t.Fatal(err)
	}
	same("a referral viewed")
	was, err := s.Referral(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	now := was
	now.CurrentPrison = "HMP Lancaster Farms"
	if err := s.UpdateReferral(ctx, "os:alice", t0, was, now); err != nil {
		t.Fatal(err)
	}
	same("a correction")
	if err := s.WithdrawReferral(ctx, "os:alice", t0, id, "Withdrawn by probation."); err != nil {
		t.Fatal(err)
	}
	same("a withdrawal")
	if _, err := s.SetSetting(ctx, "os:alice", t0, "screening-deadline", "2-working-days"); err != nil {
		t.Fatal(err)
	}
	same("a setting")
	mustSave(t, s, ali, draft(caseA, "Another draft."))
	same("a note after the setting")
}
