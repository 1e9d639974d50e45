package domain

import (
	"testing"
	"time"

	"caseload/internal/clock"
)

func TestScreeningDueAcrossClockChanges(t *testing.T) {
	london := clock.London()
	tests := []struct {
		name     string
		received time.Time
		wantWall string // due, on the London wall clock
		wallGap  time.Duration
	}{
		{"day before clocks go forward", time.Date(2026, 3, 28, 10, 0, 0, 0, london), "Mon 2026-03-30 11:00 BST", 49 * time.Hour},
		{"day before clocks go back", time.Date(2026, 10, 24, 10, 0, 0, 0, london), "Mon 2026-10-26 09:00 GMT", 47 * time.Hour},
		{"ordinary winter day", time.Date(2026, 11, 20, 9, 15, 0, 0, london), "Sun 2026-11-22 09:15 GMT", 48 * time.Hour},
		{"ordinary summer day", time.Date(2027, 7, 1, 23, 59, 0, 0, london), "Sat 2027-07-03 23:59 BST", 48 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due := ScreeningDue(tt.received, Deadline48Hours)
			if got := due.Sub(tt.received); got != 48*time.Hour {
				t.Errorf("elapsed = %v, want 48h", got)
			}
			if got := due.In(london).Format("Mon 2006-01-02 15:04 MST"); got != tt.wantWall {
				t.Errorf("due = %s, want %s", got, tt.wantWall)
			}
			r, d := tt.received, due.In(london)
			wall := time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), 0, 0, time.UTC).
				Sub(time.Date(r.Year(), r.Month(), r.Day(), r.Hour(), r.Minute(), 0, 0, time.UTC))
			if wall != tt.wallGap {
				t.Errorf("wall-clock gap = %v, want %v", wall, tt.wallGap)
			}
		})
	}
}

func TestScreeningClock(t *testing.T) {
	received := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time {
		return received.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	tests := []struct {
		name     string
		screened time.Time
		now      time.Time
		state    ClockState
		soon     bool
		text     string
	}{
		{"just arrived", time.Time{}, received, ClockDue, false, "due in 48h 00m"},
		{"exactly 12h left is not yet soon", time.Time{}, at(36, 0), ClockDue, false, "due in 12h 00m"},
		{"due soon", time.Time{}, at(44, 56), ClockDue, true, "due in 3h 04m"},
		{"due this minute", time.Time{}, at(48, 0), ClockDue, true, "due in 0h 00m"},
		{"overdue", time.Time{}, at(53, 12), ClockOverdue, false, "overdue by 5h 12m"},
		{"long overdue reads in days", time.Time{}, at(48+24*5+3, 30), ClockOverdue, false, "overdue by 5d 3h"},
		{"screened in time", at(31, 20), at(100, 0), ClockStopped, false, "decided in 31h"},
		{"screened within 3h", at(3, 5), at(100, 0), ClockStopped, false, "decided in 3h"},
		{"screened at the deadline", at(48, 0), at(100, 0), ClockStopped, false, "decided in 48h"},
		{"half an hour late says the minutes", at(48, 30), at(100, 0), ClockStopped, false, "decided in 48h 30m (late)"},
		{"screened late", at(52, 10), at(100, 0), ClockStopped, false, "decided in 52h 10m (late)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewScreeningClock(received, tt.screened, tt.now, "")
			if tt.name == "screened late" && c.Late() != "4h 10m" {
				t.Errorf("Late() = %q, want 4h 10m", c.Late())
			}
			if c.State != tt.state || c.Soon != tt.soon || c.Text() != tt.text {
				t.Errorf("got %s soon=%v %q, want %s soon=%v %q", c.State, c.Soon, c.Text(), tt.state, tt.soon, tt.text)
			}
		})
	}
}

func TestScreeningUrgencyOrder(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	clockFor := func(receivedHoursAgo float64, screenedAfter float64) ScreeningClock {
		r := now.Add(-time.Duration(receivedHoursAgo * float64(time.Hour)))
		var s time.Time
		if screenedAfter > 0 {
			s = r.Add(time.Duration(screenedAfter * float64(time.Hour)))
		}
		return NewScreeningClock(r, s, now, Deadline48Hours)
	}
	// In the order the queue must show them.
	ordered := []ScreeningClock{
		clockFor(80, 0), // overdue by 32h
		clockFor(50, 0), // overdue by 2h
		clockFor(40, 0), // due in 8h
		clockFor(1, 0),  // due in 47h
		clockFor(90, 10),
		clockFor(90, 60),
	}
	for i := 1; i < len(ordered); i++ {
		if ordered[i].State == ClockStopped && ordered[i-1].State == ClockStopped {
			if ordered[i].Urgency() != ordered[i-1].Urgency() {
				t.Errorf("stopped clocks should tie so the caller orders them")
			}
			continue
		}
		if ordered[i-1].Urgency() >= ordered[i].Urgency() {
			t.Errorf("clock %d (%s) should sort before clock %d (%s)", i-1, ordered[i-1].Text(), i, ordered[i].Text())
		}
	}
}

func TestWithdrawnBeforeScreeningStopsTheClock(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	r := Referral{ReceivedAt: now.Add(-60 * time.Hour), Status: StatusWithdrawn}
	c := r.Clock(now)
	if c.State != ClockStopped || c.OnTime() || c.Late() != "" || c.Text() != "stopped: not screened" {
		t.Fatalf("withdrawn clock: %+v %q", c, c.Text())
	}
	r.Status = StatusReceived
	if r.Clock(now).State != ClockOverdue {
		t.Fatal("a received referral's clock should run")
	}
}

// ShortText is Text in at most 24 cells: only a late clock reads differently.
func TestScreeningClockShortText(t *testing.T) {
	received := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	after := func(h, m int) time.Time {
		return received.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	for _, tt := range []struct {
		screened, now time.Time
		want          string
	}{
		{after(48, 30), after(60, 0), "decided in 48h 30m, late"},
		{after(95, 59), after(99, 0), "decided in 95h 59m, late"},
		{after(30, 0), after(60, 0), "decided in 30h"},
		{time.Time{}, after(40, 0), "due in 8h 00m"},
		{time.Time{}, after(95, 59), "overdue by 47h 59m"},
	} {
		c := NewScreeningClock(received, tt.screened, tt.now, Deadline48Hours)
		if got := c.ShortText(); got != tt.want || len(got) > 24 {
			t.Errorf("ShortText %q, want %q", got, tt.want)
		}
	}
}
