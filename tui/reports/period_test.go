package reports

import (
	"testing"

	"caseload/internal/ident"
)

var d = ident.MustDate

func TestLatestPeriod(t *testing.T) {
	today := d(2026, 12, 3)
	for _, tc := range []struct {
		span     span
		from, to ident.Date
	}{
		{lastYear, d(2026, 1, 1), today},
		{thisMonth, d(2026, 12, 1), today},
		{lastQuarter, d(2026, 10, 1), today},
		{sinceFirst, ident.Date{}, today},
	} {
		if p := latest(tc.span, today); p.from != tc.from || p.to != tc.to {
			t.Errorf("span %d: %s to %s, want %s to %s", tc.span, p.from, p.to, tc.from, tc.to)
		}
	}
	// Across a year's end: the 12 months to 15 January 2027 start on 1 February 2026.
	if p := latest(lastYear, d(2027, 1, 15)); p.from != d(2026, 2, 1) {
		t.Errorf("12 months to 15 Jan 2027 start %s", p.from)
	}
}

func TestStepPeriod(t *testing.T) {
	today := d(2026, 12, 3)
	for _, tc := range []struct {
		name     string
		p        period
		dir      int
		ok       bool
		from, to ident.Date
	}{
		{"a year back", latest(lastYear, today), -1, true, d(2025, 1, 1), d(2025, 12, 31)},
		{"a quarter back", latest(lastQuarter, today), -1, true, d(2026, 7, 1), d(2026, 9, 30)},
		{"a month back into February", period{thisMonth, d(2026, 3, 1), d(2026, 3, 31)}, -1, true, d(2026, 2, 1), d(2026, 2, 28)},
		{"not past today", latest(lastYear, today), 1, false, d(2026, 1, 1), today},
		{"forward stops at today", period{lastQuarter, d(2026, 7, 1), d(2026, 9, 30)}, 1, true, d(2026, 10, 1), today},
		{"forward a whole period", period{thisMonth, d(2026, 2, 1), d(2026, 2, 28)}, 1, true, d(2026, 3, 1), d(2026, 3, 31)},
		{"since the first referral does not step", period{sinceFirst, d(2024, 5, 6), today}, -1, false, d(2024, 5, 6), today},
	} {
		p, ok := tc.p.step(tc.dir, today)
		if ok != tc.ok || p.from != tc.from || p.to != tc.to {
			t.Errorf("%s: %s to %s (%v), want %s to %s (%v)", tc.name, p.from, p.to, ok, tc.from, tc.to, tc.ok)
		}
	}
}

func TestPeriodWords(t *testing.T) {
	today := d(2026, 12, 3)
	if got := latest(lastYear, today).words(today); got != "1 Jan 2026 to 3 Dec 2026, the last 12 months" {
		t.Errorf("latest: %q", got)
	}
	back, _ := latest(lastQuarter, today).step(-1, today)
	if got := back.words(today); got != "1 Jul 2026 to 30 Sep 2026, 3 months" {
		t.Errorf("stepped back: %q", got)
	}
}
