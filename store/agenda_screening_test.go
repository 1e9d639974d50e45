package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"caseload/internal/domain"
)

// The agenda's screening section, read through its index, is exactly what reading every
// referral would give: the agendaScreenRead most urgent running clocks in queue order,
// how many run and how many are overdue. Under 2 working days a referral received on a
// Saturday is due before one received the Friday before, so the twentieth longest
// waiting is not always among the twenty most urgent; and the overdue are not exactly
// the oldest.
func TestScreeningSectionIsTheQueuesHead(t *testing.T) {
	// Thursday 2026-11-26 10:00 London; the referrals arrive over the week before.
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	fri := time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name     string
		rule     domain.DeadlineRule
		received []time.Time
	}{
		{"fewer than read", domain.Deadline48Hours, spaced(now.Add(-50*time.Hour), 5, time.Hour)},
		{"48 hours, more than read", domain.Deadline48Hours, spaced(fri, 60, 2*time.Hour)},
		{"2 working days, Friday's after Saturday's", domain.Deadline2WorkingDays,
			slices.Concat(spaced(fri, agendaScreenRead-1, time.Minute), spaced(fri.Add(2*time.Hour), 3, time.Minute),
				spaced(fri.Add(17*time.Hour), 10, time.Minute), spaced(fri.Add(4*24*time.Hour), 10, 3*time.Hour))},
		{"2 working days, many", domain.Deadline2WorkingDays, spaced(fri.Add(-5*24*time.Hour), 120, 2*time.Hour)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := newStore(t)
			if _, err := s.SetSetting(ctx, "os:lead", t0, "screening-deadline", string(tt.rule)); err != nil {
				t.Fatal(err)
			}
			rs := referralsN(len(tt.received))
			for i := range rs {
				rs[i].ReceivedAt, rs[i].Person.NHSNumber = tt.received[i], testNHS(200+i)
			}
			if _, err := s.AddReferrals(ctx, "os:test", t0, rs); err != nil {
				t.Fatal(err)
			}
			// One screened, so it is not on the agenda at all.
			screenedIn(t, s)

			f, err := s.AgendaFacts(ctx, 1, now)
			if err != nil {
				t.Fatal(err)
			}
			all, err := s.Referrals(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var running []domain.Referral
			overdue := 0
			for _, r := range all {
				if c := r.Clock(now); c.State != domain.ClockStopped {
					running = append(running, r)
					if c.State == domain.ClockOverdue {
						overdue++
					}
				}
			}
			domain.SortForQueue(running, now)
			want := running[:min(len(running), agendaScreenRead)]
			got := slices.Clone(f.Unscreened)
			domain.SortForQueue(got, now)
			if !slices.Equal(ids(got), ids(want)) {
				t.Errorf("the most urgent: %v\nwant %v", ids(got), ids(want))
			}
			total := f.UnscreenedTotal
			if total == 0 {
				total = len(f.Unscreened)
			}
			if total != len(running) {
				t.Errorf("%d running, want %d", total, len(running))
			}
			gotOverdue := f.UnscreenedOverdue
			if len(running) < agendaScreenRead {
				gotOverdue = 0
				for _, r := range f.Unscreened {
					if r.Clock(now).State == domain.ClockOverdue {
						gotOverdue++
					}
				}
			}
			if gotOverdue != overdue || overdue == 0 || overdue == len(running) {
				t.Errorf("%d overdue, want %d (of %d: a test needs some of each)", gotOverdue, overdue, len(running))
			}
		})
	}
}

// spaced is n instants from first, every step.
func spaced(first time.Time, n int, step time.Duration) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = first.Add(time.Duration(i) * step)
	}
	return out
}

func ids(rs []domain.Referral) []int64 {
	out := make([]int64, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
