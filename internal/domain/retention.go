package domain

import (
	"time"

	"caseload/internal/ident"
)

// RetentionRule is how long a closed record is kept before it is reviewed for
// destruction, with where the period comes from (docs/RULES.md, "Retention"). The
// periods are data: the service confirms them with its records manager, and until it
// does each says so. The app never deletes a record; destruction is a decision made
// outside it and recorded as such.
type RetentionRule struct {
	Years     int    // after the end of treatment (the case's closing day)
	DeathYrs  int    // after death, when the person died
	Source    string // the schedule and its entry
	Confirmed bool   // the service has confirmed the periods for its records
}

// MentalHealthRetention is the Records Management Code of Practice 2021 (NHSX),
// Appendix II, "Mental health records": 20 years after the date of the last contact, or
// 10 years after the patient's death if sooner. Unconfirmed until the service's records
// manager confirms it applies to its records (a forensic service may be told to keep
// some longer).
var MentalHealthRetention = RetentionRule{
	Years:    20,
	DeathYrs: 10,
	Source:   "Records Management Code of Practice 2021, Appendix II: mental health records, 20 years after the last contact or 10 years after death",
}

// RetentionReviewOn is the day a closed case's record is due for review: Years after
// its closing day, or, when the person died, DeathYrs after the death if that comes
// sooner (the code's "if sooner"). A period that ends on 29 February in a year without
// one ends on 1 March: a review a day late keeps a record a day longer, one a day early
// would review it before its time. The zero closure has no review day.
func RetentionReviewOn(c CaseClosure, r RetentionRule) ident.Date {
	if c.On.IsZero() {
		return ident.Date{}
	}
	due := addYearsNotBefore(c.On, r.Years)
	if c.Reason == ClosedDied && !c.DiedOn.IsZero() {
		if byDeath := addYearsNotBefore(c.DiedOn, r.DeathYrs); byDeath.Before(due) {
			due = byDeath
		}
	}
	return due
}

// addYearsNotBefore is d moved by whole years, 29 February becoming 1 March where the
// year has none (Go's AddDate does exactly this, unlike AddMonthsClamped, which keeps a
// window from opening late).
func addYearsNotBefore(d ident.Date, years int) ident.Date {
	return ident.DateOf(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).AddDate(years, 0, 0))
}

// RetentionPassed reports whether a closed case's review day has come by today.
func RetentionPassed(c CaseClosure, r RetentionRule, today ident.Date) bool {
	due := RetentionReviewOn(c, r)
	return !due.IsZero() && !today.Before(due)
}
