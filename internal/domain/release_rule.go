package domain

import "caseload/internal/ident"

// TheRelease is the date that counts as "the release" on one day, as ReleaseOn picks it.
type TheRelease struct {
	Date     ident.Date  // zero: no date is the release (nothing known, only an HDCED, a passed PED)
	Earliest bool        // an unconfirmed PED that has not passed: the earliest possible release
	Recorded bool        // the release has happened and is recorded (Date is the actual release)
	From     ReleaseDate // the sentence date picked; zero when Recorded or none
}

// ReleaseOn is the one rule that says which date is the release on day: the pathway
// (PathwayOf, day = today) and the eligibility timing rule (the six-month window, day =
// the day the referral was received) both ask it, so they never disagree. The rule, its
// source and its table test are in docs/RULES.md, "Which date is the release":
//
//  1. a recorded actual release is the release;
//  2. the expiry dates (LED, SED, SLED, TUSED) never are;
//  3. otherwise the earliest definite date is: an approval (APD, HDCAD), or a date the
//     prison has confirmed of any other kind (or of the kind "confirmed");
//  4. an HDCED never is, confirmed or not: HDC eligibility is a milestone, not a release;
//  5. a PED, confirmed or not (the date of eligibility is confirmed, not the release), is
//     the earliest possible release up to and on its day, when no automatic date comes
//     before it; once it has passed with no release recorded it is not the release (the
//     parole decision is pending);
//  6. otherwise the earliest automatic date is: CRD, ARD, PRRD, other or not stated.
//
// Two dates on one day: the first in SentenceDateKinds order.
func ReleaseOn(actual ident.Date, dates SentenceDates, day ident.Date) TheRelease {
	if !actual.IsZero() {
		return TheRelease{Date: actual, Recorded: true}
	}
	var definite, ped, automatic ReleaseDate
	for _, d := range dates {
		switch {
		case d.Date.IsZero() || EndsSupervision(d.Kind) || d.Kind == ReleaseHDCED:
		case d.Kind == ReleasePED:
			if day.IsZero() || !d.Date.Before(day) {
				ped = earlier(ped, d)
			}
		case d.IsConfirmed() || d.Kind == ReleaseAPD || d.Kind == ReleaseHDCAD:
			definite = earlier(definite, d)
		default:
			automatic = earlier(automatic, d)
		}
	}
	switch {
	case !definite.Date.IsZero():
		return TheRelease{Date: definite.Date, From: definite}
	case !ped.Date.IsZero() && (automatic.Date.IsZero() || ped.Date.Before(automatic.Date)):
		return TheRelease{Date: ped.Date, Earliest: true, From: ped}
	case !automatic.Date.IsZero():
		return TheRelease{Date: automatic.Date, From: automatic}
	}
	return TheRelease{}
}

// earlier is whichever of a and b is sooner; a (held first) on a tie, b when a has none.
func earlier(a, b ReleaseDate) ReleaseDate {
	if a.Date.IsZero() || b.Date.Before(a.Date) {
		return b
	}
	return a
}
