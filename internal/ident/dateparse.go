package ident

import (
	"fmt"
	"strings"
	"time"
)

// The supported years: wide enough for any date of birth or sentence end,
// narrow enough that a slipped digit (2207, 1027) is caught.
const (
	minYear = 1900
	maxYear = 2200
)

const dateForms = "use YYYY-MM-DD or DD/MM/YYYY"

// ParseDate reads a date typed by a person: YYYY-MM-DD, or DD/MM/YYYY with the
// day and month allowed one digit (6/1/2027). Month-first dates are never
// accepted: 01/13/2027 is refused with a message saying so, but 02/03/2027 is
// always 2 March, as a UK reader means it. Impossible dates are refused with
// the reason (February 2027 has 28 days), as are years outside 1900–2200.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Date{}, errorf(ErrDate, "no date given: %s", dateForms)
	}
	if matchShape(t, "9999-99-99") {
		return checkDate(t, atoi(t[:4]), time.Month(atoi(t[5:7])), atoi(t[8:]))
	}
	parts := strings.Split(t, "/")
	if len(parts) != 3 || !numeric(parts[0], 1, 2) || !numeric(parts[1], 1, 2) || !numeric(parts[2], 4, 4) {
		return Date{}, errorf(ErrDate, "%s is not a date: %s", quote(t), dateForms)
	}
	day, month, year := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if 1 <= day && day <= 12 && 13 <= month && month <= 31 {
		return Date{}, errorf(ErrDate, "%s is not a date: %s (month-first dates are not accepted)", quote(t), dateForms)
	}
	return checkDate(t, year, time.Month(month), day)
}

// checkDate turns fields already known to be digits into a Date, or an error
// naming what is impossible about them. typed is echoed back unquoted: the
// caller has checked it holds only digits and separators.
func checkDate(typed string, y int, m time.Month, d int) (Date, error) {
	if why := impossible(y, m, d); why != "" {
		return Date{}, errorf(ErrDate, "date %s does not exist: %s", typed, why)
	}
	if y < minYear || y > maxYear {
		return Date{}, errorf(ErrDate, "date %s is out of range: only years %d to %d are accepted", typed, minYear, maxYear)
	}
	return Date{Year: y, Month: m, Day: d}, nil
}

// impossible says why y-m-d is not on the calendar, or "" if it is.
func impossible(y int, m time.Month, d int) string {
	if m < time.January || m > time.December {
		return fmt.Sprintf("there is no month %d", int(m))
	}
	if d < 1 {
		return fmt.Sprintf("there is no day %d", d)
	}
	// Day 0 of the next month normalises to the last day of this one.
	if n := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > n {
		return fmt.Sprintf("%s %d has %d days", m, y, n)
	}
	return ""
}

// numeric reports whether s is ASCII digits, between lo and hi of them.
func numeric(s string, lo, hi int) bool {
	return len(s) >= lo && len(s) <= hi && allDigits(s)
}

// atoi is only called on short runs of ASCII digits, so it cannot fail.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
