package domain

import (
	"fmt"
	"math"
	"time"
)

// ScreeningWindow is the 48 hours of the leaflet, in real elapsed time, so a deadline
// that crosses a clock change is still 48 hours away: the default deadline, and what
// within_48h measures whichever deadline rule is in force.
const ScreeningWindow = 48 * time.Hour

// DueSoonWithin is when a running clock is highlighted as due soon (a default of the
// service, docs/RULES.md, "The screening clock").
const DueSoonWithin = 12 * time.Hour

// ClockState is the state of a screening clock.
type ClockState string

// The screening clock states.
const (
	ClockDue     ClockState = "due"
	ClockOverdue ClockState = "overdue"
	ClockStopped ClockState = "stopped"
)

// ScreeningClock is the screening clock of one referral at one instant, under a
// deadline rule.
type ScreeningClock struct {
	State ClockState
	Rule  DeadlineRule
	DueAt time.Time
	// Allowed is the time from receipt to DueAt: 48 hours, or more under working days.
	Allowed time.Duration
	// Left is the time until DueAt while the clock runs; negative once overdue.
	Left time.Duration
	// Took is how long screening took once stopped.
	Took time.Duration
	// Soon marks a running clock with less than DueSoonWithin left.
	Soon bool
	// Unscreened marks a clock stopped because the referral was closed (withdrawn)
	// before anyone screened it.
	Unscreened bool
}

// ScreeningDue is the instant screening is due for a referral received at receivedAt,
// under rule (docs/RULES.md, "Screening deadline").
func ScreeningDue(receivedAt time.Time, rule DeadlineRule) time.Time {
	return rule.Due(receivedAt)
}

// NewScreeningClock reads the clock of a referral received at receivedAt and screened at
// screenedAt (zero while unscreened), as it stands at now, under rule.
func NewScreeningClock(receivedAt, screenedAt, now time.Time, rule DeadlineRule) ScreeningClock {
	due := ScreeningDue(receivedAt, rule)
	c := ScreeningClock{Rule: rule.Code(), DueAt: due, Allowed: due.Sub(receivedAt)}
	if !screenedAt.IsZero() {
		c.State = ClockStopped
		c.Took = screenedAt.Sub(receivedAt)
		return c
	}
	c.Left = c.DueAt.Sub(now)
	if c.Left < 0 {
		c.State = ClockOverdue
		return c
	}
	c.State = ClockDue
	c.Soon = c.Left < DueSoonWithin
	return c
}

// OnTime reports whether a stopped clock was stopped by a screening by its deadline,
// under its rule (within_deadline).
func (c ScreeningClock) OnTime() bool {
	return c.State == ClockStopped && !c.Unscreened && c.Took <= c.Allowed
}

// Within48h reports whether a stopped clock was stopped by a screening within 48 elapsed
// hours, whatever the rule (within_48h).
func (c ScreeningClock) Within48h() bool {
	return c.State == ClockStopped && !c.Unscreened && c.Took <= ScreeningWindow
}

// Text is the clock in the words the queue shows: "overdue by 5h 12m", "due in 3h 04m",
// "decided in 31h", or "decided in 48h 30m (late)". It says "decided", not "screened":
// beside "screened out" the latter reads as the outcome. Late gives the minutes, so
// 48h 30m never reads as 48h.
func (c ScreeningClock) Text() string {
	switch c.State {
	case ClockOverdue:
		return "overdue by " + span(-c.Left)
	case ClockStopped:
		if c.Unscreened {
			return "stopped: not screened"
		}
		if c.OnTime() {
			return fmt.Sprintf("decided in %dh", int(c.Took.Truncate(time.Hour).Hours()))
		}
		return "decided in " + span(c.Took) + " (late)"
	default:
		return "due in " + span(c.Left)
	}
}

// ShortText is Text in at most 24 cells, for a narrow column: a late clock reads
// "decided in 48h 30m, late"; every other text is already that short.
func (c ScreeningClock) ShortText() string {
	if c.State == ClockStopped && !c.Unscreened && !c.OnTime() {
		return "decided in " + span(c.Took) + ", late"
	}
	return c.Text()
}

// Urgency orders clocks most urgent first: the smaller, the more urgent. Overdue clocks
// come first (most overdue at the top), then running ones by time left; stopped clocks
// all share the largest value and sort after every running one (callers order those
// among themselves, newest first).
func (c ScreeningClock) Urgency() time.Duration {
	if c.State == ClockStopped {
		return math.MaxInt64
	}
	return c.Left
}

// Late is how far past its deadline a stopped clock was stopped, in words ("4h 10m"),
// or "" when it was on time or is still running.
func (c ScreeningClock) Late() string {
	if c.State != ClockStopped || c.Unscreened || c.OnTime() {
		return ""
	}
	return span(c.Took - c.Allowed)
}

// span writes a duration as hours and zero-padded minutes ("5h 12m", "0h 04m"), and as
// days and hours from four days up, where minutes stop mattering ("12d 3h").
func span(d time.Duration) string {
	d = d.Truncate(time.Minute)
	if d < 0 {
		d = 0
	}
	h := int(d / time.Hour)
	m := int((d % time.Hour) / time.Minute)
	if h >= 96 {
		return fmt.Sprintf("%dd %dh", h/24, h%24)
	}
	return fmt.Sprintf("%dh %02dm", h, m)
}
