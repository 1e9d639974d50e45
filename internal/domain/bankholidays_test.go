package domain

import (
	"maps"
	"slices"
	"testing"
	"time"

	"caseload/internal/ident"
)

// TestBankHolidays holds docs/RULES.md "Bank holidays": the named days, the one-off
// changes, weekends and a year the list does not hold.
func TestBankHolidays(t *testing.T) {
	tests := []struct {
		date string
		want string // NonWorkingDay
	}{
		{"2022-06-02", "bank holiday"}, // spring bank holiday moved for the Platinum Jubilee
		{"2022-06-03", "bank holiday"}, // Platinum Jubilee
		{"2022-05-30", ""},             // the last Monday of May 2022 was a working day
		{"2022-09-19", "bank holiday"}, // State Funeral of Queen Elizabeth II
		{"2023-05-08", "bank holiday"}, // coronation of King Charles III
		{"2020-05-08", "bank holiday"}, // VE day, a Friday
		{"2020-05-04", ""},             // the first Monday of May 2020 was a working day
		{"2026-04-03", "bank holiday"}, // Good Friday
		{"2026-12-28", "bank holiday"}, // Boxing Day on a Saturday: Monday is the substitute
		{"2026-12-26", "Saturday"},
		{"2026-12-27", "Sunday"},
		{"2026-12-29", ""},
		{"2027-12-27", "bank holiday"},
		{"2030-12-26", "bank holiday"},
		{"2016-12-26", ""},         // before the list: only weekends are known
		{"2031-01-04", "Saturday"}, // after it, the same
		{"2031-01-01", ""},
	}
	for _, tt := range tests {
		d, err := ident.ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		if got := NonWorkingDay(d); got != tt.want {
			t.Errorf("NonWorkingDay(%s) = %q, want %q", tt.date, got, tt.want)
		}
	}
}

// The list agrees with the rules of the Banking and Financial Dealings Act as GOV.UK
// applies them, year by year, apart from the one-off changes written out here; and no
// bank holiday falls at a weekend.
func TestBankHolidaysFollowTheRules(t *testing.T) {
	oneOff := map[int]struct{ remove, add []string }{
		2020: {remove: []string{"2020-05-04"}, add: []string{"2020-05-08"}},
		2022: {remove: []string{"2022-05-30"}, add: []string{"2022-06-02", "2022-06-03", "2022-09-19"}},
		2023: {add: []string{"2023-05-08"}},
	}
	for y := FirstBankHolidayYear; y <= LastBankHolidayYear; y++ {
		want := map[string]bool{}
		for _, d := range computedBankHolidays(y) {
			want[d.String()] = true
		}
		for _, d := range oneOff[y].remove {
			delete(want, d)
		}
		for _, d := range oneOff[y].add {
			want[d] = true
		}
		var got []string
		for d := range bankHolidays {
			if d.Year == y {
				got = append(got, d.String())
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("%s is a %s", d, wd)
				}
			}
		}
		slices.Sort(got)
		if w := slices.Sorted(maps.Keys(want)); !slices.Equal(got, w) {
			t.Errorf("%d: list %v\nrules give %v", y, got, w)
		}
	}
}

// computedBankHolidays applies the standing rules to year y.
func computedBankHolidays(y int) []ident.Date {
	date := func(m time.Month, d int) ident.Date { return ident.MustDate(y, m, d) }
	weekdayOnOrAfter := func(d ident.Date) ident.Date {
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			d = d.AddDays(1)
		}
		return d
	}
	firstMonday := func(m time.Month) ident.Date {
		d := date(m, 1)
		for d.Weekday() != time.Monday {
			d = d.AddDays(1)
		}
		return d
	}
	lastMonday := func(m time.Month) ident.Date {
		d := date(m+1, 1).AddDays(-1)
		for d.Weekday() != time.Monday {
			d = d.AddDays(-1)
		}
		return d
	}
	easter := easterSunday(y)
	christmas := weekdayOnOrAfter(date(time.December, 25))
	boxing := weekdayOnOrAfter(date(time.December, 26))
	if boxing == christmas {
		boxing = weekdayOnOrAfter(christmas.AddDays(1))
	}
	return []ident.Date{weekdayOnOrAfter(date(time.January, 1)), easter.AddDays(-2), easter.AddDays(1),
		firstMonday(time.May), lastMonday(time.May), lastMonday(time.August), christmas, boxing}
}

// easterSunday is the Gregorian Easter (the anonymous Gregorian algorithm).
func easterSunday(y int) ident.Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return ident.MustDate(y, time.Month(month), day)
}

// TestDeadlineDay: the deadline's day is read in London, so 23:30 UTC on a Friday in
// summer is Saturday's 00:30 BST.
func TestDeadlineDay(t *testing.T) {
	tests := []struct {
		due  time.Time
		want string
	}{
		{time.Date(2026, 7, 3, 23, 30, 0, 0, time.UTC), "Saturday"},
		{time.Date(2026, 7, 3, 22, 59, 0, 0, time.UTC), ""},
		{time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC), ""},
		{time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC), "Sunday"}, // the day the clocks go forward
		{time.Date(2026, 4, 3, 10, 0, 0, 0, time.UTC), "bank holiday"},
		{ScreeningDue(time.Date(2026, 12, 24, 15, 0, 0, 0, time.UTC), Deadline48Hours), "Saturday"},
	}
	for _, tt := range tests {
		if got := DeadlineDay(tt.due); got != tt.want {
			t.Errorf("DeadlineDay(%v) = %q, want %q", tt.due, got, tt.want)
		}
	}
}
