package ident

import (
	"encoding/json"
	"testing"
	"time"

	_ "time/tzdata"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestMustDatePanicsOnImpossibleDates(t *testing.T) {
	for _, d := range []Date{{2027, time.February, 29}, {2027, 13, 1}, {2027, time.January, 0}, {2100, time.February, 29}, {}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("MustDate(%d, %d, %d) did not panic", d.Year, d.Month, d.Day)
				}
			}()
			MustDate(d.Year, d.Month, d.Day)
		}()
	}
	if got := MustDate(2028, time.February, 29); got != (Date{2028, time.February, 29}) {
		t.Errorf("MustDate(2028-02-29) = %v", got)
	}
}

func TestDateZero(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "" || z.Long() != "" || !z.In(time.UTC).IsZero() || !z.AddDays(7).IsZero() {
		t.Errorf("zero Date is not treated as unknown")
	}
	if MustDate(2027, time.January, 1).IsZero() {
		t.Errorf("a real date reports IsZero")
	}
}

func TestDateOfAndIn(t *testing.T) {
	loc := london(t)
	inst := time.Date(2026, 6, 1, 23, 30, 0, 0, time.UTC) // 00:30 BST on 2 June
	if got := DateOf(inst); got != MustDate(2026, time.June, 1) {
		t.Errorf("DateOf(UTC) = %v", got)
	}
	if got := DateOf(inst.In(loc)); got != MustDate(2026, time.June, 2) {
		t.Errorf("DateOf(London) = %v", got)
	}
	tests := []struct {
		d    Date
		want time.Time
	}{
		{MustDate(2026, time.March, 29), time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC)}, // GMT at midnight
		{MustDate(2026, time.March, 30), time.Date(2026, 3, 29, 23, 0, 0, 0, time.UTC)},
		{MustDate(2026, time.October, 25), time.Date(2026, 10, 24, 23, 0, 0, 0, time.UTC)}, // still BST at midnight
		{MustDate(2026, time.October, 26), time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := tt.d.In(loc); !got.Equal(tt.want) {
			t.Errorf("%v.In(London) = %v, want %v", tt.d, got.UTC(), tt.want)
		}
	}
}

func TestDateCompare(t *testing.T) {
	a, b := MustDate(2026, time.December, 31), MustDate(2027, time.January, 1)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Errorf("Compare across a year end is wrong")
	}
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(a) || a.After(a) {
		t.Errorf("Before/After are wrong")
	}
	c, d := MustDate(2027, time.February, 28), MustDate(2027, time.March, 1)
	if c.Compare(d) != -1 || MustDate(2027, time.March, 2).Compare(d) != 1 {
		t.Errorf("Compare across month or day is wrong")
	}
}

func TestDateAddDaysAndDaysUntil(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		to   Date
	}{
		{MustDate(2026, time.March, 28), 2, MustDate(2026, time.March, 30)}, // across BST starting
		{MustDate(2026, time.March, 29), 1, MustDate(2026, time.March, 30)},
		{MustDate(2026, time.October, 24), 2, MustDate(2026, time.October, 26)}, // across BST ending
		{MustDate(2026, time.October, 25), 1, MustDate(2026, time.October, 26)},
		{MustDate(2028, time.February, 28), 1, MustDate(2028, time.February, 29)},
		{MustDate(2027, time.February, 28), 1, MustDate(2027, time.March, 1)},
		{MustDate(2026, time.December, 31), 1, MustDate(2027, time.January, 1)},
		{MustDate(2027, time.March, 1), -1, MustDate(2027, time.February, 28)},
		{MustDate(2026, time.June, 1), 0, MustDate(2026, time.June, 1)},
		{MustDate(1900, time.January, 1), 109937, MustDate(2200, time.December, 31)}, // beyond time.Duration's range
	}
	for _, tt := range tests {
		if got := tt.from.AddDays(tt.n); got != tt.to {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.to)
		}
		if got := tt.from.DaysUntil(tt.to); got != tt.n {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.from, tt.to, got, tt.n)
		}
		if got := tt.to.DaysUntil(tt.from); got != -tt.n {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.to, tt.from, got, -tt.n)
		}
	}
}

func TestDateWeekdayAndLong(t *testing.T) {
	tests := []struct {
		d    Date
		day  time.Weekday
		long string
	}{
		{MustDate(2026, time.January, 6), time.Tuesday, "Tuesday 6 January 2026"},
		{MustDate(2027, time.January, 6), time.Wednesday, "Wednesday 6 January 2027"},
		{MustDate(2025, time.March, 30), time.Sunday, "Sunday 30 March 2025"},
		{MustDate(2025, time.October, 26), time.Sunday, "Sunday 26 October 2025"},
		{MustDate(2026, time.March, 29), time.Sunday, "Sunday 29 March 2026"},
		{MustDate(2026, time.October, 25), time.Sunday, "Sunday 25 October 2026"},
		{MustDate(2027, time.March, 28), time.Sunday, "Sunday 28 March 2027"},
		{MustDate(2027, time.October, 31), time.Sunday, "Sunday 31 October 2027"},
		{MustDate(2026, time.December, 24), time.Thursday, "Thursday 24 December 2026"},
	}
	for _, tt := range tests {
		if got := tt.d.Weekday(); got != tt.day {
			t.Errorf("%v.Weekday() = %v, want %v", tt.d, got, tt.day)
		}
		if got := tt.d.Long(); got != tt.long {
			t.Errorf("%v.Long() = %q, want %q", tt.d, got, tt.long)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type row struct {
		Release Date `json:"release"`
		Review  Date `json:"review"`
	}
	b, err := json.Marshal(row{Release: MustDate(2027, time.February, 28)})
	if err != nil || string(b) != `{"release":"2027-02-28","review":""}` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	var back row
	if err := json.Unmarshal(b, &back); err != nil || back.Release != MustDate(2027, time.February, 28) || !back.Review.IsZero() {
		t.Errorf("json.Unmarshal = %+v, %v", back, err)
	}
}
