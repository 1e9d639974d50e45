package domain

import (
	"time"

	"caseload/internal/ident"
)

// ReferralWindowMonths is how long before the expected release a referral may be made
// (docs/RULES.md, "The six-month window and the pathway"): the pathway's pre-release phase.
const ReferralWindowMonths = 6

// AddMonthsClamped moves d by whole calendar months (back, if months < 0). When the day
// does not exist in the month it lands in, it becomes that month's last day: 2026-08-31
// minus 6 months is 2026-02-28, and 2028-02-29 plus 12 months is 2029-02-28. Go's
// AddDate normalises such days into the next month (2026-03-03, 2029-03-01) instead,
// which would open a window days late. The zero Date (unknown) stays zero.
func AddMonthsClamped(d ident.Date, months int) ident.Date {
	if d.IsZero() {
		return d
	}
	// Count months from year 0 so the arithmetic is one division; floor division keeps
	// it right for the (theoretical) years before 0 as well.
	n := d.Year*12 + int(d.Month-time.January) + months
	y, m := n/12, n%12
	if m < 0 {
		y, m = y-1, m+12
	}
	month := time.January + time.Month(m)
	return ident.Date{Year: y, Month: month, Day: min(d.Day, daysIn(y, month))}
}

// daysIn is the number of days in a month: day 0 of the next month is its last day.
func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ReferralWindowOpens is the first day a referral may be made for someone expected to be
// released on release: six calendar months before, clamped to the month's end, and open
// on that day itself. It is the zero Date when the release date is not known.
func ReferralWindowOpens(release ident.Date) ident.Date {
	return AddMonthsClamped(release, -ReferralWindowMonths)
}
