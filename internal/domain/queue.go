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
	if c := cmp.Compare(ac.Urgency(), bc.Urgency()); c != 0 {
		return c
	}
	if c := b.ReceivedAt.Compare(a.ReceivedAt); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
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
