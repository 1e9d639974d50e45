package domain

import (
	"fmt"
	"slices"

	"caseload/internal/ident"
)

// Phase is where a case stands on the 18-month pathway today (docs/RULES.md, "The six-month window and the pathway" and "Release not confirmed").
type Phase string

// The phases, as stored and as the headless `cases list` writes them.
const (
	PhaseReleaseUnknown   Phase = "release-unknown"
	PhaseBeforeWindow     Phase = "before-window"
	PhasePreRelease       Phase = "pre-release"
	PhasePostRelease      Phase = "post-release"
	PhaseDischargeDue     Phase = "discharge-due"
	PhaseDischargeOverdue Phase = "discharge-overdue"
	PhaseRecalled         Phase = "recalled"
	// PhaseReleaseUnconfirmed: the release date has passed and no release is recorded.
	// The person may still be inside (release postponed, the date wrong, recalled before
	// release), so nothing counts months until the release is recorded.
	PhaseReleaseUnconfirmed Phase = "release-unconfirmed"
)

// PostReleaseMonths is how long the service supports a person after release.
const PostReleaseMonths = 12

// Pathway is what PathwayOf derives from a case's release facts on one day.
type Pathway struct {
	Phase             Phase
	ReleaseDate       ident.Date  // the countdown anchor: Actual once known, else the date ReleaseOn picks, else zero
	Anchor            ReleaseDate // the sentence date picked as the release; zero once the release is recorded or when none is
	Earliest          bool        // the anchor is an unconfirmed PED: the earliest possible release, not a certain one
	EngagementFrom    ident.Date  // release minus 6 calendar months, clamped; kept when release is deferred
	DischargeDue      ident.Date  // release plus 12 calendar months, clamped (2028-02-29 -> 2029-02-28); zero while the clock is paused or not started
	DaysToRelease     int         // before-window and pre-release only; 0 on the day of release
	MonthSinceRelease int         // 1..12, post-release only
	Countdown         string      // the words the app shows
}

// PathwayOf derives the pathway on today from a case's release facts.
//
// The anchor is the date ReleaseOn picks on today (docs/RULES.md, "Which date is the
// release"): the actual release once recorded, else the expected one. It is unknown
// (and no countdown is shown from a guess) when nothing is known, when the only date is
// an unconfirmed HDCED, or when an unconfirmed PED has passed with no release recorded
// (the parole decision is still pending). A PED that has not passed is counted down but
// worded as uncertain, and stays pre-release on its own day.
//
// The day of an expected release is post-release month 1, worded "release today,
// {date}": the person is due out that day. From the next day, while no release is
// recorded, the phase is release-unconfirmed (docs/RULES.md, "Release not confirmed"):
// the person may still be inside, so no month is counted and no discharge is due.
//
// Recall (docs/RULES.md, "Recall"): the service has not confirmed the post-release clock on recall. The default
// is to pause it: from RecalledOn until ReReleased the phase is recalled, the words are
// "recalled on {date}", and no discharge is due (the clock is paused). A post-recall
// release date that has passed with no re-release recorded is release-unconfirmed too.
// After re-release the clock runs on from where it stopped: the months and the
// discharge date are counted from the actual release moved later by the days back in
// custody, so time in custody never uses up the twelve months of support. Recall and
// re-release dated after today are not yet in effect.
func PathwayOf(r CaseRelease, today ident.Date) Pathway {
	the := ReleaseOn(r.Actual, r.Dates, today)
	rel, ped := the.Date, the.Earliest
	p := Pathway{Anchor: the.From, Earliest: ped}
	moves := r.moves() // replayed once: engagement and "(was …)" both read it
	if !rel.IsZero() {
		p.ReleaseDate = rel
		p.EngagementFrom = engagementFrom(r, moves, rel, today)
		p.DischargeDue = AddMonthsClamped(clockStart(r, rel, today), PostReleaseMonths)
	}
	switch {
	case isRecalled(r, today):
		p.Phase = PhaseRecalled
		p.DischargeDue = ident.Date{} // the clock is paused: nothing is due
		p.Countdown = "recalled on " + r.RecalledOn.Long()
		if prrd := r.Dates.Of(ReleasePRRD); prrd.Date.After(r.RecalledOn) {
			if prrd.Date.Before(today) {
				p.Phase = PhaseReleaseUnconfirmed
				p.Countdown += "; post-recall release was due " + prrd.Date.Long() + ": record the re-release or correct the date"
			} else {
				p.Countdown += "; post-recall " + releaseWords(today.DaysUntil(prrd.Date), prrd.Date, false)
			}
		}
	case rel.IsZero():
		p.Phase = PhaseReleaseUnknown
		p.Countdown = unknownWords(r, today)
	case today.Before(p.EngagementFrom):
		p.Phase = PhaseBeforeWindow
		p.DaysToRelease = today.DaysUntil(rel)
		p.Countdown = "engagement from " + p.EngagementFrom.Long() + "; " + releaseIn(p.DaysToRelease, ped)
	case !the.Recorded && !ped && rel.Before(today):
		p.Phase = PhaseReleaseUnconfirmed
		p.DischargeDue = ident.Date{} // no release, no clock
		p.Countdown = "release was due " + rel.Long() + ": record the release or correct the date"
	case today.Before(rel) || ped: // an unconfirmed PED is never taken as a release
		p.Phase = PhasePreRelease
		p.DaysToRelease = today.DaysUntil(rel)
		p.Countdown = releaseWords(p.DaysToRelease, rel, ped)
	case today.Before(p.DischargeDue):
		p.Phase = PhasePostRelease
		p.MonthSinceRelease = monthSince(clockStart(r, rel, today), today)
		p.Countdown = fmt.Sprintf("month %d of %d since release", p.MonthSinceRelease, PostReleaseMonths)
		switch {
		case today == rel && r.Actual == rel: // recorded: it has happened
			p.Countdown = "released today, " + rel.Long()
		case today == rel:
			p.Countdown = releaseWords(0, rel, false)
		}
	case today == p.DischargeDue:
		p.Phase = PhaseDischargeDue
		p.Countdown = "discharge due today"
	default:
		p.Phase = PhaseDischargeOverdue
		p.Countdown = "discharge overdue by " + dayCount(p.DischargeDue.DaysUntil(today))
	}
	if p.Phase == PhasePreRelease || p.Phase == PhaseBeforeWindow || (p.Phase == PhasePostRelease && today == rel) {
		if r.Actual.IsZero() {
			p.Countdown += approvedWords(the.From)
		}
	}
	p.Countdown += wasWords(r, moves, today)
	return p
}

// engagementFrom is release minus six calendar months, clamped; but once engagement has
// started it does not move when the release is deferred (docs/RULES.md, "The six-month
// window and the pathway": the pre-release phase then grows beyond six months and is
// never truncated). Two ways a release is deferred keep an earlier start: a change in
// History whose old release's start had been reached by the day of the change (London
// date of At), unless that release was itself recorded on that day; and a PED held that has passed with no release (parole not directed, the
// release now a later CRD), whose start had been reached by today.
func engagementFrom(r CaseRelease, moves []move, rel, today ident.Date) ident.Date {
	ef := AddMonthsClamped(rel, -ReferralWindowMonths)
	keep := func(earlier, by ident.Date) {
		if earlier.IsZero() {
			return
		}
		started := AddMonthsClamped(earlier, -ReferralWindowMonths)
		if started.Before(ef) && !by.Before(started) {
			ef = started
		}
	}
	// Oldest first. A release put right on the day it was recorded (a date typed on the
	// wrong case, a slip of the year) was never one anybody engaged towards: only a
	// release held since an earlier day keeps its start.
	var movedOn ident.Date // the day the release was last moved, zero: held since the case opened
	for _, m := range slices.Backward(moves) {
		if movedOn.IsZero() || movedOn.Before(m.on) {
			keep(m.from, m.on)
		}
		if m.from != m.to {
			movedOn = m.on
		}
	}
	keep(ReleaseOn(ident.Date{}, r.Dates, ident.Date{}).Date, today) // a PED counted even once passed
	return ef
}

// clockStart is the day the post-release clock counts from on today: the release,
// moved later by the days spent back in custody once a recall has ended in re-release.
func clockStart(r CaseRelease, rel ident.Date, today ident.Date) ident.Date {
	if r.Actual.IsZero() || r.RecalledOn.IsZero() || r.ReReleased.IsZero() ||
		r.ReReleased.After(today) || r.ReReleased.Before(r.RecalledOn) || r.RecalledOn.Before(r.Actual) {
		return rel
	}
	return rel.AddDays(r.RecalledOn.DaysUntil(r.ReReleased))
}

// isRecalled reports whether the person is back in custody on today after a recall.
func isRecalled(r CaseRelease, today ident.Date) bool {
	if r.RecalledOn.IsZero() || r.RecalledOn.After(today) {
		return false
	}
	return r.ReReleased.IsZero() || r.ReReleased.After(today) || r.ReReleased.Before(r.RecalledOn)
}

// unknownWords says plainly that the release date is unknown, with the dates held that
// are not the release when there are: a passed PED, then an HDCED.
func unknownWords(r CaseRelease, today ident.Date) string {
	s := "Release date unknown"
	if ped := r.Dates.Of(ReleasePED); !ped.Date.IsZero() && ped.Date.Before(today) {
		s += "; parole eligibility was " + ped.Date.Long() + ": parole decision pending"
	}
	if hdced := r.Dates.Of(ReleaseHDCED); !hdced.Date.IsZero() {
		s += "; HDC eligibility " + hdced.Date.Long()
	}
	return s
}

// releaseWords is "release in 43 days, Wednesday 6 January 2027", "release today, ..."
// or, for a PED, "earliest possible release in 43 days, ...: parole decision pending".
func releaseWords(n int, d ident.Date, ped bool) string {
	s := "release in " + dayCount(n) + ", " + d.Long()
	if n == 0 {
		s = "release today, " + d.Long()
	}
	if ped {
		return "earliest possible " + s + ": parole decision pending"
	}
	return s
}

// releaseIn is the short form used before the window: "release in 200 days".
func releaseIn(n int, ped bool) string {
	if ped {
		return "earliest possible release in " + dayCount(n) + ": parole decision pending"
	}
	return "release in " + dayCount(n)
}

// monthSince is the month (1..12) of the post-release period that today falls in. Month
// N runs from release plus N-1 calendar months to the day before release plus N months,
// each clamped to month ends and always counted from the release date itself: release 31
// January, month 2 starts on the last day of February and month 3 on 31 March.
func monthSince(rel, today ident.Date) int {
	for n := 1; n < PostReleaseMonths; n++ {
		if today.Before(AddMonthsClamped(rel, n)) {
			return n
		}
	}
	return PostReleaseMonths
}

// dayCount is "1 day" or "n days".
func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
