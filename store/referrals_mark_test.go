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
