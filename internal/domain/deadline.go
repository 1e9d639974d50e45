package domain

import (
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/ident"
)

// DeadlineRule is how the screening deadline is counted from receipt, a setting of the
// whole service (docs/RULES.md, "Screening deadline"). The zero value is the default,
// 48 elapsed hours, so a referral read without the setting is judged as before.
type DeadlineRule string

// The deadline rules, as the setting screening-deadline stores them.
const (
	// Deadline48Hours: 48 hours of elapsed time, whatever the day (the default).
	Deadline48Hours DeadlineRule = "48-hours"
	// Deadline2WorkingDays: the same London clock time on the second working day after
	// the day of receipt (not a Saturday, Sunday or bank holiday).
	Deadline2WorkingDays DeadlineRule = "2-working-days"
)

// DeadlineRules lists the rules in the order they are offered.
var DeadlineRules = []DeadlineRule{Deadline48Hours, Deadline2WorkingDays}

// ParseDeadlineRule reads a rule as the setting is typed, refusing anything else in
// one sentence that lists the choices.
func ParseDeadlineRule(s string) (DeadlineRule, error) {
	for _, r := range DeadlineRules {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("%q is not a screening deadline: use 48-hours or 2-working-days", s)
}

// Code is the rule as stored and printed: "48-hours" for the zero value too.
func (r DeadlineRule) Code() DeadlineRule {
	if r == "" {
		return Deadline48Hours
	}
	return r
}

// Label is the rule in words: "48 hours" or "2 working days".
func (r DeadlineRule) Label() string {
	if r.Code() == Deadline2WorkingDays {
		return "2 working days"
	}
	return "48 hours"
}

// Short is the rule where space is tight: "48h" or "2 working days".
func (r DeadlineRule) Short() string {
	if r.Code() == Deadline2WorkingDays {
		return "2 working days"
	}
	return "48h"
}

// Due is the instant screening is due for a referral received at receivedAt.
//
// Under 2 working days the deadline is the received London clock time on the second
// working day after the London date of receipt, whatever day that was: received on
// Friday, Saturday or Sunday at 10:00, due Tuesday at 10:00 (Monday the first day,
// Tuesday the second). A working day is never a Sunday, and the clocks change only on
// Sundays, so the time always exists on the day and is never repeated.
func (r DeadlineRule) Due(receivedAt time.Time) time.Time {
	if r.Code() != Deadline2WorkingDays {
		return receivedAt.UTC().Add(ScreeningWindow)
	}
	london := clock.London()
	at := receivedAt.In(london)
	day := ident.DateOf(at)
	for n := 0; n < 2; {
		day = day.AddDays(1)
		if NonWorkingDay(day) == "" {
			n++
		}
	}
	return time.Date(day.Year, day.Month, day.Day, at.Hour(), at.Minute(), at.Second(), at.Nanosecond(), london).UTC()
}

// Timing says how a screening decision met its deadline, under the rule in force when it
// was decided: "within the 48 hours", "after the 2 working days".
func (d ScreeningDecision) Timing() string {
	if d.WithinDeadline {
		return "within the " + d.DeadlineRule.Label()
	}
	return "after the " + d.DeadlineRule.Label()
}

// Spread is the shortest and the longest time from receipt to deadline under the rule,
// whatever the day of receipt: 48 hours exactly, or, under 2 working days, from 47
// hours (received on a Thursday before the clocks go forward) to the 6 days of a
// Christmas or Easter Thursday, rounded up to 8 days. Readers that cannot compute each
// referral's deadline (counting a table's overdue clocks) use it to know which
// receipts are certainly overdue, certainly not, and which to look at one by one;
// TestDeadlineSpread walks every hour of several years to hold it.
func (r DeadlineRule) Spread() (shortest, longest time.Duration) {
	if r.Code() != Deadline2WorkingDays {
		return ScreeningWindow, ScreeningWindow
	}
	return 47 * time.Hour, 8 * 24 * time.Hour
}
