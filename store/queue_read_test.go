package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"caseload/internal/domain"
)

// queueFields is what the queue's reads promise of a referral: the rest is left empty.
func queueFields(r domain.Referral) domain.Referral {
	p := r.Person
	return domain.Referral{ID: r.ID, Source: r.Source, Status: r.Status, ReceivedAt: r.ReceivedAt, ScreenedAt: r.ScreenedAt,
		RoSH: r.RoSH, PriorityGroup: r.PriorityGroup, ComplexHealthNeeds: r.ComplexHealthNeeds,
		ApprovedPremises: r.ApprovedPremises, ExpectedRelease: r.ExpectedRelease, ReleaseDateType: r.ReleaseDateType,
		ResettlementArea: r.ResettlementArea, DeadlineRule: r.DeadlineRule,
		Person: domain.Person{GivenName: p.GivenName, FamilyName: p.FamilyName, NHSNumber: p.NHSNumber,
			PrisonNumber: p.PrisonNumber, PNCID: p.PNCID, CRN: p.CRN}}
}

// queueStore holds full and minimal referrals, one with separators typed into its
// names and area, screened, withdrawn unscreened and
// waiting, one with a name in Arabic, under the 2-working-days rule, and the stand-in
// of an imported case, which no queue read returns.
func queueStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.AddReferrals(ctx, "test", t0, referralsN(23)); err != nil {
		t.Fatal(err)
	}
	full := fullReferral(t)
	full.Person.GivenName, full.Person.FamilyName = "محمد", "الأحمد"
	full.Person.NHSNumber = testNHS(100)
	mustAdd(t, s, full)
	// Typed text holding what the queue's read separates with, which no form lets in but
	// the store does not refuse: it is read as typed.
	odd := minimalReferral()
	odd.Person = domain.Person{GivenName: "12:Ann\x1f", FamilyName: "\x1eO'Neill:", NHSNumber: testNHS(106)}
	odd.ResettlementArea = "3:\x1f\x1e"
	mustAdd(t, s, odd)
	waiting := eligibleReferral(t)
	waiting.Person.NHSNumber = testNHS(101)
	id := mustAdd(t, s, waiting)
	if err := s.WithdrawReferral(ctx, "test", t0, id, "Withdrawn by probation."); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		screened := eligibleReferral(t)
		screened.Person.NHSNumber = testNHS(102 + i)
		screened.ReceivedAt = t0.Add(-time.Duration(i+1) * time.Hour)
		if _, err := s.ScreenReferral(ctx, "test", t0, mustAdd(t, s, screened), domain.ScreenedIn, ""); err != nil {
			t.Fatal(err)
		}
	}
	openCase(t, s, mustClinician(t, s, "Dr Ali", true), 0)
	if _, err := s.SetSetting(ctx, "test", t0, "screening-deadline", "2-working-days"); err != nil {
		t.Fatal(err)
	}
	fixture(t, s, "UPDATE referrals SET imported = 1 WHERE id = 1")
	return s
}

// Read a page at a time, the queue's referrals are every referral Referrals gives,
// with every field the queue reads as Referrals reads it.
func TestQueuePagesAreTheReferrals(t *testing.T) {
	ctx := context.Background()
	s := queueStore(t)
	want, err := s.Referrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []domain.Referral
	after, pages := int64(0), 0
	for {
		_, last, err := s.QueuePage(ctx, after, 7, func(r *domain.Referral) { got = append(got, *r) })
		if err != nil {
			t.Fatal(err)
		}
		if last == after {
			break
		}
		after, pages = last, pages+1
	}
	if pages != (len(want)+6)/7 {
		t.Errorf("%d referrals in %d pages", len(got), pages)
	}
	if len(got) > 0 && got[0].DeadlineRule != domain.Deadline2WorkingDays {
		t.Errorf("the deadline rule read as %q", got[0].DeadlineRule)
	}
	sameReferrals(t, got, want)
}

// The head of the queue is every running clock and the latest screened: what
// UnscreenedReferrals and LatestScreenedReferrals give.
func TestQueueHeadIsTheRunningClocksThenTheLatestScreened(t *testing.T) {
	ctx := context.Background()
	s := queueStore(t)
	running, err := s.UnscreenedReferrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	screened, err := s.LatestScreenedReferrals(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := append(running, screened...)
	if len(screened) != 2 || len(running) < 5 {
		t.Fatalf("%d running, %d screened", len(running), len(screened))
	}
	var got []domain.Referral
	if err := s.QueueHead(ctx, 2, func(r *domain.Referral) { got = append(got, *r) }); err != nil {
		t.Fatal(err)
	}
	sameReferrals(t, got, want)
	// Two running clocks a page: each page after the last one's receipt and id.
	got = got[:0]
	if err := s.queueHead(ctx, 2, 2, func(r *domain.Referral) { got = append(got, *r) }); err != nil {
		t.Fatal(err)
	}
	sameReferrals(t, got, want)
}

// sameReferrals fails unless got holds the queue's fields of each of want, in any order.
func sameReferrals(t *testing.T, got, want []domain.Referral) {
	t.Helper()
	byID := func(a, b domain.Referral) int { return cmp.Compare(a.ID, b.ID) }
	slices.SortFunc(got, byID)
	slices.SortFunc(want, byID)
	if len(got) != len(want) {
		t.Fatalf("%d referrals, want %d", len(got), len(want))
	}
	for i := range want {
		if w := queueFields(want[i]); got[i] != w {
			t.Errorf("referral %d reads\n%+v\nwant\n%+v", want[i].ID, got[i], w)
		}
	}
}

// A referral changed behind the store's back, so that it no longer reads as the store
// wrote it, stops the queue's read with the file named damaged, never shown.
func TestQueueRefusesADamagedReferral(t *testing.T) {
	for _, tt := range []struct{ name, damage string }{
		{"NHS number", "UPDATE people SET nhs_number = '9990000019' WHERE id = 2"},
		{"name", "UPDATE people SET family_name = CAST(X'FF61' AS TEXT) WHERE id = 2"},
		{"identifier", "UPDATE people SET crn = 'X1' || char(31) || '2' WHERE id = 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := newStore(t)
			if _, err := s.AddReferrals(ctx, "test", t0, referralsN(3)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(tt.damage); err != nil {
				t.Fatal(err)
			}
			_, _, err := s.QueuePage(ctx, 0, 10, func(*domain.Referral) {})
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("QueuePage = %v, want the file named damaged", err)
			}
			if err := s.QueueHead(ctx, 10, func(*domain.Referral) {}); !errors.Is(err, ErrCorrupt) {
				t.Errorf("QueueHead = %v, want the file named damaged", err)
			}
		})
	}
}

// parseInstant reads what parseTime reads, and refuses what it refuses.
func TestParseInstantIsParseTime(t *testing.T) {
	for _, s := range []string{"2026-11-24T09:00:00Z", "2024-02-29T23:59:59Z", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
		"2026-02-29T09:00:00Z", "2026-13-01T09:00:00Z", "2026-11-31T09:00:00Z", "2026-11-24T24:00:00Z",
		"2026-11-24T09:60:00Z", "2026-11-24T09:00:60Z", "2026-11-24 09:00:00Z", "2026-11-24T09:00:00+01:00",
		"2026-1a-24T09:00:00Z", "-026-11-24T09:00:00Z", "", "2026-11-24"} {
		got, gotErr := parseInstant(s)
		want, wantErr := parseTime(s)
		if !got.Equal(want) || (gotErr == nil) != (wantErr == nil) || got.Location() != want.Location() {
			t.Errorf("parseInstant(%q) = %v, %v; parseTime %v, %v", s, got, gotErr, want, wantErr)
		}
	}
}
