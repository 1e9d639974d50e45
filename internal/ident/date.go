package ident

import (
	"fmt"
	"time"
)

// Date is a civil (calendar) date with no time zone: a date of birth, a
// release date, a review date. The zero Date means "unknown"; no parser
// returns it on success.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MustDate builds a Date from literal fields, for tests and tables only: it
// panics on an impossible date (2027-02-29), because a typo in a literal is a
// programming error. Anything typed by a user goes through ParseDate.
func MustDate(y int, m time.Month, d int) Date {
	if why := impossible(y, m, d); why != "" {
		panic(fmt.Sprintf("ident.MustDate(%d, %d, %d): %s", y, int(m), d, why))
	}
	return Date{Year: y, Month: m, Day: d}
}

// DateOf returns the calendar date of t in t's own location; convert t with
// In first to get the date somewhere else (e.g. London).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// String formats d as YYYY-MM-DD, the storage form; "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsZero reports whether d is the zero Date, i.e. unknown.
func (d Date) IsZero() bool { return d == Date{} }

// In returns midnight at the start of d in loc; the zero Date gives the zero
// time.Time, so "unknown" is not silently turned into a real instant.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// utc is d at midnight UTC: arithmetic is done there because UTC days are all
// 24 hours long, so BST changes cannot shift a day count.
func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1 if d is before o, 0 if they are the same day, +1 if after.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmp3(d.Year, o.Year)
	case d.Month != o.Month:
		return cmp3(int(d.Month), int(o.Month))
	}
	return cmp3(d.Day, o.Day)
}

func cmp3(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AddDays returns the date n calendar days after d (before, if n < 0). The
// zero Date stays zero: an unknown date moved by a week is still unknown.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.utc().AddDate(0, 0, n))
}

// DaysUntil returns the whole calendar days from d to o, negative if o is
// earlier. It counts Unix seconds rather than using time.Duration, which
// overflows past about 292 years. Check IsZero first: the zero Date has no
// meaningful distance to anything.
func (d Date) DaysUntil(o Date) int {
	return int((o.utc().Unix() - d.utc().Unix()) / 86400)
}

// Weekday returns the day of the week d falls on.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Long formats d for reading, e.g. "Wednesday 6 January 2027"; "" for zero.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d %s %d", d.Weekday(), d.Day, d.Month, d.Year)
}

// Medium formats d briefly, e.g. "6 Jan 2027"; "" for zero.
func (d Date) Medium() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month.String()[:3], d.Year)
}

// MarshalText writes YYYY-MM-DD, or nothing for the zero Date, so unknown
// dates round-trip through JSON and the database as empty strings.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText writes: YYYY-MM-DD or empty (the zero
// Date). It is stricter than ParseDate because stored data has one form, and
// anything else there is a bug to surface, not input to be forgiving about.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	s := string(b)
	if !matchShape(s, "9999-99-99") {
		return errorf(ErrDate, "stored date %s is not in the form YYYY-MM-DD", quote(s))
	}
	v, err := checkDate(s, atoi(s[:4]), time.Month(atoi(s[5:7])), atoi(s[8:]))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
