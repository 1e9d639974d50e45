package domain

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

func TestAddMonthsClamped(t *testing.T) {
	d := ident.MustDate
	tests := []struct {
		name   string
		from   ident.Date
		months int
		want   ident.Date
	}{
		{"same day exists", d(2026, 10, 15), -6, d(2026, 4, 15)},
		{"31st into February", d(2026, 8, 31), -6, d(2026, 2, 28)},
		{"31st into a leap February", d(2028, 8, 31), -6, d(2028, 2, 29)},
		{"30th into a leap February", d(2028, 8, 30), -6, d(2028, 2, 29)},
		{"29th into February", d(2027, 8, 29), -6, d(2027, 2, 28)},
		{"28th is always there", d(2027, 8, 28), -6, d(2027, 2, 28)},
		{"31st into a 30-day month across the year", d(2027, 3, 31), -6, d(2026, 9, 30)},
		{"31st into a 31-day month", d(2027, 7, 31), -6, d(2027, 1, 31)},
		{"across the year forwards", d(2026, 11, 30), 6, d(2027, 5, 30)},
		{"leap day plus a year", d(2028, 2, 29), 12, d(2029, 2, 28)},
		{"leap day plus four years", d(2028, 2, 29), 48, d(2032, 2, 29)},
		{"January from July", d(2027, 7, 10), -6, d(2027, 1, 10)},
		{"December from June", d(2027, 6, 30), -6, d(2026, 12, 30)},
		{"exactly a year back", d(2027, 1, 1), -12, d(2026, 1, 1)},
		{"many years back", d(2027, 5, 31), -30, d(2024, 11, 30)},
		{"zero months", d(2027, 5, 31), 0, d(2027, 5, 31)},
		{"post-release phase from the 31st", d(2027, 8, 31), 12, d(2028, 8, 31)},
		{"unknown stays unknown", ident.Date{}, -6, ident.Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AddMonthsClamped(tt.from, tt.months); got != tt.want {
				t.Errorf("AddMonthsClamped(%s, %d) = %s, want %s", tt.from, tt.months, got, tt.want)
			}
		})
	}
}

// Go's AddDate overflows into the next month: the reason AddMonthsClamped exists.
func TestAddMonthsClampedDiffersFromAddDate(t *testing.T) {
	from := ident.MustDate(2026, 8, 31)
	overflowed := ident.DateOf(from.In(time.UTC).AddDate(0, -6, 0))
	if overflowed != ident.MustDate(2026, 3, 3) {
		t.Fatalf("AddDate gave %s; the premise of this test changed", overflowed)
	}
	if got := AddMonthsClamped(from, -6); got == overflowed {
		t.Errorf("AddMonthsClamped overflowed like AddDate: %s", got)
	}
}

func TestReferralWindowOpens(t *testing.T) {
	d := ident.MustDate
	tests := []struct{ release, want ident.Date }{
		{d(2026, 8, 31), d(2026, 2, 28)},
		{d(2026, 10, 15), d(2026, 4, 15)},
		{d(2027, 3, 31), d(2026, 9, 30)},
		{d(2027, 8, 31), d(2027, 2, 28)},
		{d(2028, 8, 31), d(2028, 2, 29)},
		{d(2028, 8, 29), d(2028, 2, 29)},
		{d(2027, 12, 31), d(2027, 6, 30)},
		{d(2027, 5, 31), d(2026, 11, 30)},
		{d(2027, 1, 1), d(2026, 7, 1)},
		{ident.Date{}, ident.Date{}},
	}
	for _, tt := range tests {
		if got := ReferralWindowOpens(tt.release); got != tt.want {
			t.Errorf("ReferralWindowOpens(%s) = %s, want %s", tt.release, got, tt.want)
		}
	}
}

// Every day of four years, leap year included: the window opens in the right month, on
// a real day, never after the release's day of the month, and on the month's last day
// whenever the day had to be clamped.
func TestReferralWindowOpensEveryDay(t *testing.T) {
	for rel := ident.MustDate(2026, 1, 1); rel.Before(ident.MustDate(2030, 1, 1)); rel = rel.AddDays(1) {
		open := ReferralWindowOpens(rel)
		wantMonth := (int(rel.Month)+5)%12 + 1
		wantYear := rel.Year
		if rel.Month <= 6 {
			wantYear--
		}
		last := daysIn(open.Year, open.Month)
		switch {
		case int(open.Month) != wantMonth || open.Year != wantYear:
			t.Fatalf("%s: window opens %s, in the wrong month", rel, open)
		case open.Day > last:
			t.Fatalf("%s: window opens %s, which does not exist", rel, open)
		case open.Day != min(rel.Day, last):
			t.Fatalf("%s: window opens %s, want day %d", rel, open, min(rel.Day, last))
		}
		if _, err := ident.ParseDate(open.String()); err != nil {
			t.Fatalf("%s: window opens on an impossible date: %v", rel, err)
		}
	}
}
