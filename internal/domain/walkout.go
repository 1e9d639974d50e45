package domain

import (
	"strconv"
	"strings"
	"time"

	"caseload/internal/ident"
)

// WalkOut is the day a person is likely to walk out of prison when their recorded release
// date falls on a day prisons do not release (docs/RULES.md, "The day a person walks
// out"). It is an estimate beside the recorded date, never a replacement for it: the app
// never calculates release dates.
type WalkOut struct {
	Date ident.Date  // the likely day out
	From ReleaseDate // the recorded date it was worked out from
	// Why names what is wrong with the recorded day, short enough to sit beside it:
	// "CRD falls on Christmas Day", "CRD falls on a Friday".
	Why string
	// How says how the day was moved: "prisons do not release on it, so release moves to
	// the working day before, Thursday 24 December 2026, and the 2023 Act brings that
	// forward one more working day".
	How string
	// HolidaysKnown is false when the bank holidays of a year involved are not held
	// (before FirstBankHolidayYear or after LastBankHolidayYear): only weekends counted.
	HolidaysKnown bool
}

// actInForce is the day the Offenders (Day of Release from Detention) Act 2023 came into
// force (S.I. 2023/1329): a release day before it moves for weekends and holidays only.
var actInForce = ident.MustDate(2023, time.December, 12)

// LikelyWalkOut is the day the person is likely to walk out for a recorded release date,
// and false when the recorded day stands: a working day that is neither a Friday nor the
// day before a bank holiday; a date the prison has confirmed (it has applied the rules
// already); a zero date; or a kind the rules do not move (only CRD, ARD and PRRD, the
// automatic releases, are moved; see docs/RULES.md, "The day a person walks out").
//
// It assumes an adult serving more than five days who has served at least 28 days, which
// is everyone the service takes; a screen says "likely" for that reason. For example:
//
//	if w, ok := domain.LikelyWalkOut(c.Release.Dates.Of(domain.ReleaseCRD)); ok {
//		line += "  " + w.Words()
//		// "likely out Wednesday 23 December 2026 (CRD falls on Christmas Day)"
//	}
func LikelyWalkOut(d ReleaseDate) (WalkOut, bool) {
	if d.Date.IsZero() || d.IsConfirmed() || !walkOutKind(d.Kind) {
		return WalkOut{}, false
	}
	w := WalkOut{From: d, Date: d.Date, HolidaysKnown: holidaysKnown(d.Date)}
	what := "falls on "
	var steps []string
	// Criminal Justice Act 1961 s.23(3): no release on a Saturday (terms over five
	// days), Sunday, Christmas Day, Good Friday or bank holiday.
	if !workingDay(w.Date) {
		what += offDayWords(w.Date)
		for !workingDay(w.Date) {
			w.Date = w.Date.AddDays(-1)
		}
		steps = append(steps, "prisons do not release on it, so release moves to the working day before, "+w.Date.Long())
	}
	// The 2023 Act: a release on a working day followed by a day off (a Friday, or the
	// day before a bank holiday) moves to the eligible working day before it.
	if !w.Date.Before(actInForce) && !workingDay(w.Date.AddDays(1)) {
		if len(steps) == 0 {
			what += eveWords(w.Date)
		}
		prev := w.Date.AddDays(-1)
		for !workingDay(prev) {
			prev = prev.AddDays(-1)
		}
		w.Date = prev
		for !eligibleDay(w.Date) {
			w.Date = w.Date.AddDays(-1)
		}
		act := "the 2023 Act brings release forward one working day"
		if len(steps) > 0 {
			act = "the 2023 Act brings that forward one more working day"
		}
		if w.Date != prev {
			act = "the 2023 Act brings release forward to the last working day before it that is not a Friday or the day before a bank holiday, " + w.Date.Long()
		}
		steps = append(steps, act)
	}
	if len(steps) == 0 {
		return WalkOut{}, false
	}
	w.HolidaysKnown = w.HolidaysKnown && holidaysKnown(w.Date)
	w.Why = string(d.Kind) + " " + what
	w.How = strings.Join(steps, ", and ")
	return w, true
}

// Words is what a screen shows beside the recorded date: "likely out Wednesday 23
// December 2026 (CRD falls on Christmas Day)", with "; bank holidays of 2031 not known"
// inside the brackets when the year's bank holidays are not held.
func (w WalkOut) Words() string {
	return "likely out " + w.Date.Long() + " (" + w.Why + w.unknownNote() + ")"
}

// Explain is the whole reason, for a detail line or a help text: "likely out Wednesday
// 23 December 2026: CRD falls on Christmas Day; prisons do not release on it, ...".
func (w WalkOut) Explain() string {
	return "likely out " + w.Date.Long() + ": " + w.Why + "; " + w.How + w.unknownNote()
}

func (w WalkOut) unknownNote() string {
	if w.HolidaysKnown {
		return ""
	}
	y := w.From.Date
	if holidaysKnown(y) {
		y = w.Date // the day out fell back into a year the list does not hold
	}
	return "; bank holidays of " + strconv.Itoa(y.Year) + " not known, only weekends counted"
}

// walkOutKind reports whether the day-of-release rules move a date of kind k: the
// automatic releases. HDC, Parole Board (PED, APD) and eligibility dates are excluded by
// the 2023 Act or are not release days; "other" and a blank kind may be anything.
func walkOutKind(k ReleaseDateType) bool {
	switch k {
	case ReleaseCRD, ReleaseARD, ReleasePRRD:
		return true
	}
	return false
}

// workingDay is a day prisons release on: not a weekend nor a bank holiday (Christmas
// Day and Good Friday are in the list).
func workingDay(d ident.Date) bool { return NonWorkingDay(d) == "" }

// eligibleDay is the 2023 Act's eligible working day: a working day followed by another.
func eligibleDay(d ident.Date) bool { return workingDay(d) && workingDay(d.AddDays(1)) }

func holidaysKnown(d ident.Date) bool {
	return d.Year >= FirstBankHolidayYear && d.Year <= LastBankHolidayYear
}

// offDayWords names a day prisons do not release on: "a Sunday", "Christmas Day", "the
// Summer bank holiday".
func offDayWords(d ident.Date) string {
	if name, ok := BankHoliday(d); ok {
		return holidayWords(name)
	}
	return "a " + d.Weekday().String()
}

// eveWords names a working day followed by a day off: "a Friday" or "the day before
// Christmas Day".
func eveWords(d ident.Date) string {
	if d.Weekday() == time.Friday {
		return "a Friday"
	}
	name, _ := BankHoliday(d.AddDays(1))
	return "the day before " + holidayWords(name)
}

// holidayWords reads a bank holiday's name in a sentence: "Christmas Day", "Easter
// Monday", "the Early May bank holiday", "the bank holiday for the coronation of ...".
func holidayWords(name string) string {
	if !strings.Contains(strings.ToLower(name), "bank holiday") {
		return name
	}
	if rest, ok := strings.CutPrefix(name, "Bank holiday"); ok {
		name = "bank holiday" + rest
	}
	return "the " + name
}
