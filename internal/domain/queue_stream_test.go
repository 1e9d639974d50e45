package domain

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// The orderer gives exactly SortForQueue's order for running clocks read oldest received
// first, under both rules: weekends, Easter and Christmas (where a Saturday's referral is
// due before Friday's under 2 working days), many received in the same minute, overdue
// and due.
func TestQueueOrdererMatchesSortForQueue(t *testing.T) {
	now := time.Date(2026, 12, 29, 9, 0, 0, 0, time.UTC)
	for _, rule := range DeadlineRules {
		for seed := range uint64(20) {
			r := rand.New(rand.NewPCG(seed, 17))
			var rs []Referral
			for id := range int64(1 + r.IntN(600)) {
				// Received over the three weeks before now, on the quarter hour, so that
				// many share an instant and the ties are tested.
				received := now.Add(-time.Duration(r.IntN(21*24*4)) * 15 * time.Minute)
				rs = append(rs, Referral{ID: id + 1, ReceivedAt: received, DeadlineRule: rule, Status: StatusReceived})
			}
			want := slices.Clone(rs)
			SortForQueue(want, now)
			slices.SortFunc(rs, func(a, b Referral) int {
				return cmp.Or(a.ReceivedAt.Compare(b.ReceivedAt), cmp.Compare(a.ID, b.ID))
			})
			var got []int64
			q := NewQueueOrderer(now, func(r Referral) error { got = append(got, r.ID); return nil })
			for _, r := range rs {
				if err := q.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := q.Flush(); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s seed %d: %d referrals out of %d", rule, seed, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i].ID {
					t.Fatalf("%s seed %d: position %d is referral %d, want %d", rule, seed, i, got[i], want[i].ID)
				}
			}
		}
	}
}

// The orderer holds back only what a later referral could come before: under 48 hours,
// the referrals of the last hour, never the whole backlog.
func TestQueueOrdererHoldsLittle(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	most := 0
	q := NewQueueOrderer(now, func(Referral) error { return nil })
	for i := range 10_000 {
		r := Referral{ID: int64(i + 1), ReceivedAt: now.Add(-time.Duration(10_000-i) * time.Minute), Status: StatusReceived}
		if err := q.Add(r); err != nil {
			t.Fatal(err)
		}
		most = max(most, q.held.Len())
	}
	if most > 61 {
		t.Errorf("held %d referrals at most, want the last hour's (61)", most)
	}
	stop := errors.New("stop")
	q = NewQueueOrderer(now, func(Referral) error { return stop })
	_ = q.Add(Referral{ID: 1, ReceivedAt: now.Add(-3 * time.Hour)})
	if err := q.Add(Referral{ID: 2, ReceivedAt: now}); !errors.Is(err, stop) {
		t.Errorf("emit's error: %v, want it returned", err)
	}
}
