package reports

import (
	"time"

	"caseload/internal/ident"
)

// span is the length of period a person chose.
type span int

const (
	lastYear    span = iota // the last 12 months, the one shown first
	thisMonth               // the month so far
	lastQuarter             // the last 3 months
	sinceFirst              // from the first referral ever received to today
)

// months is how many calendar months a span covers; 0 for since the first referral.
func (s span) months() int {
	switch s {
	case thisMonth:
		return 1
	case lastQuarter:
		return 3
	case lastYear:
		return 12
	}
	return 0
}

// period is the days reported on, both included, London days.
type period struct {
	span     span
	from, to ident.Date
}

// latest is the span's period up to today (docs/RULES.md, "The Reports screen"): whole
// calendar months from the first of the month months-1 before today's, to today. Since
// the first referral starts on the day that referral was received, which only the facts
// know, so from is left zero here.
func latest(s span, today ident.Date) period {
	if s == sinceFirst {
		return period{span: s, to: today}
	}
	return period{span: s, from: addMonths(firstOf(today), 1-s.months()), to: today}
}

// step is the period as long as p just before it (back, dir < 0) or just after it
// (forward), in whole months, never past today. ok is false when there is nowhere to
// go: forward from a period ending today, or either way since the first referral.
func (p period) step(dir int, today ident.Date) (period, bool) {
	n := p.span.months()
	switch {
	case n == 0:
		return p, false
	case dir < 0:
		to := p.from.AddDays(-1)
		return period{span: p.span, from: addMonths(firstOf(to), 1-n), to: to}, true
	case !p.to.Before(today):
		return p, false
	}
	from := p.to.AddDays(1)
	to := addMonths(firstOf(from), n).AddDays(-1)
	if to.After(today) {
		to = today
	}
	return period{span: p.span, from: from, to: to}, true
}

// words names the period for its heading: "1 Jan 2026 to 3 Dec 2026, the last 12
// months".
func (p period) words(today ident.Date) string {
	dates := p.from.Medium() + " to " + p.to.Medium()
	if p.from.IsZero() {
		dates = "to " + p.to.Medium()
	}
	name := map[span][2]string{
		lastYear:    {"the last 12 months", "12 months"},
		thisMonth:   {"this month", "one month"},
		lastQuarter: {"the last 3 months", "3 months"},
		sinceFirst:  {"since the first referral", "since the first referral"},
	}[p.span]
	if p.to == today {
		return dates + ", " + name[0]
	}
	return dates + ", " + name[1]
}

// firstOf is the first day of d's month.
func firstOf(d ident.Date) ident.Date { return ident.MustDate(d.Year, d.Month, 1) }

// addMonths is the first of the month n months from the first of a month.
func addMonths(first ident.Date, n int) ident.Date {
	return ident.DateOf(time.Date(first.Year, first.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}
