package domain

import (
	"cmp"
	"slices"
	"time"
)

// QueueOrder compares two referrals, each with its screening clock at the same instant,
// in the order the referral queue shows them: overdue first (most overdue at the top),
// then by time left; screened ones after, newest received first; ties by id, so the
// order never wobbles between frames.
func QueueOrder(a Referral, ac ScreeningClock, b Referral, bc ScreeningClock) int {
	return QueueOrderOf(ac, a.ReceivedAt, a.ID, bc, b.ReceivedAt, b.ID)
}

// QueueOrderOf is QueueOrder given only what it compares: each referral's clock, the
// instant it was received and its id. The queue's rows hold these, not referrals.
func QueueOrderOf(ac ScreeningClock, aReceived time.Time, aID int64, bc ScreeningClock, bReceived time.Time, bID int64) int {
	if c := cmp.Compare(ac.Urgency(), bc.Urgency()); c != 0 {
		return c
	}
	if c := bReceived.Compare(aReceived); c != 0 {
		return c
	}
	return cmp.Compare(aID, bID)
}

// SortForQueue sorts referrals into queue order at now.
func SortForQueue(rs []Referral, now time.Time) {
	type clocked struct {
		r *Referral
		c ScreeningClock
	}
	cs := make([]clocked, len(rs))
	for i := range rs {
		cs[i] = clocked{&rs[i], rs[i].Clock(now)}
	}
	slices.SortFunc(cs, func(a, b clocked) int { return QueueOrder(*a.r, a.c, *b.r, b.c) })
	sorted := make([]Referral, len(rs))
	for i, c := range cs {
		sorted[i] = *c.r
	}
	copy(rs, sorted)
}
