package domain

import "caseload/internal/ident"

// TheRelease is the date that counts as "the release" on one day, as ReleaseOn picks it.
type TheRelease struct {
	Date     ident.Date // zero: no date is the release (nothing known, only an HDCED, a passed PED)
	Earliest bool       // an unconfirmed PED that has not passed: the earliest possible release
	Recorded bool       // the release has happened and is recorded (Date is the actual release)
}

// ReleaseOn is the one rule that says which date is the release on day: the pathway
// (PathwayOf, day = today) and the eligibility timing rule (the six-month window, day =
// the day the referral was received) both ask it, so they never disagree. The rule, its
// source and its test are in docs/RULES.md, "Which date is the release":
//
//  1. a recorded actual release is the release;
//  2. otherwise a confirmed expected date, of any kind, is;
//  3. an unconfirmed HDCED never is: HDC eligibility is a milestone, not a release;
//  4. an unconfirmed PED is the earliest possible release up to and on its day, and
//     once it has passed with no release recorded it is not the release (the parole
//     decision is pending);
//  5. any other expected date (CRD, ARD, APD, HDCAD, PRRD, other, or no kind stated) is.
func ReleaseOn(actual ident.Date, expected ReleaseDate, day ident.Date) TheRelease {
	if !actual.IsZero() {
		return TheRelease{Date: actual, Recorded: true}
	}
	e := expected
	if e.Date.IsZero() || e.IsConfirmed() {
		return TheRelease{Date: e.Date}
	}
	switch e.Kind {
	case ReleaseHDCED:
		return TheRelease{}
	case ReleasePED:
		if !day.IsZero() && e.Date.Before(day) {
			return TheRelease{}
		}
		return TheRelease{Date: e.Date, Earliest: true}
	}
	return TheRelease{Date: e.Date}
}
