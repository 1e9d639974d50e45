package domain

import (
	"container/heap"
	"time"
)

// QueueOrderer puts referrals whose screening clocks still run into queue order
// (QueueOrder) as they are read, oldest received first, holding back only those that a
// later one could still come before. A deadline is never sooner than the shortest time
// the rules allow after receipt (DeadlineRule.Spread), so once a referral received at
// t has been read, every held one due before t plus that shortest time is certain to
// come before every one still to be read, and is passed on. Under 48 hours that holds
// back the referrals of the last hour; under 2 working days those of a long weekend:
// never the whole backlog, so a list of 100,000 unscreened referrals streams in flat
// memory and in exactly the order SortForQueue gives.
type QueueOrderer struct {
	now  time.Time
	emit func(Referral) error
	held heldHeap
}

// soonestDeadline is the shortest time from receipt to deadline under any rule.
var soonestDeadline = func() time.Duration {
	soonest := time.Duration(1<<63 - 1)
	for _, r := range DeadlineRules {
		shortest, _ := r.Spread()
		soonest = min(soonest, shortest)
	}
	return soonest
}()

// NewQueueOrderer passes referrals on to emit in queue order at now.
func NewQueueOrderer(now time.Time, emit func(Referral) error) *QueueOrderer {
	return &QueueOrderer{now: now, emit: emit}
}

// Add takes the next referral, received no earlier than the one before it, and passes
// on every held referral certain to come before it and all that follow; it returns
// emit's first error.
func (q *QueueOrderer) Add(r Referral) error {
	bound := r.ReceivedAt.Add(soonestDeadline)
	for q.held.Len() > 0 && q.held.items[0].c.State != ClockStopped && q.held.items[0].c.DueAt.Before(bound) {
		if err := q.emit(heap.Pop(&q.held).(heldReferral).r); err != nil {
			return err
		}
	}
	heap.Push(&q.held, heldReferral{r, r.Clock(q.now)})
	return nil
}

// Flush passes on every referral still held, in order: the end of the read.
func (q *QueueOrderer) Flush() error {
	for q.held.Len() > 0 {
		if err := q.emit(heap.Pop(&q.held).(heldReferral).r); err != nil {
			return err
		}
	}
	return nil
}

// heldReferral is a referral with its clock at the orderer's instant, worked out once.
type heldReferral struct {
	r Referral
	c ScreeningClock
}

// heldHeap is a min-heap in QueueOrder.
type heldHeap struct{ items []heldReferral }

func (h *heldHeap) Len() int { return len(h.items) }
func (h *heldHeap) Less(i, j int) bool {
	a, b := &h.items[i], &h.items[j]
	return QueueOrder(a.r, a.c, b.r, b.c) < 0
}
func (h *heldHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *heldHeap) Push(x any)    { h.items = append(h.items, x.(heldReferral)) }
func (h *heldHeap) Pop() any {
	last := h.items[len(h.items)-1]
	h.items[len(h.items)-1] = heldReferral{}
	h.items = h.items[:len(h.items)-1]
	return last
}
