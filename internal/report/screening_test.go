package report

import (
	"testing"

	"caseload/internal/domain"
)

// The 48-hour measure on hand-worked referrals over October to December 2026:
//
//	A received Fri 23 Oct 10:00Z (11:00 BST), decided Sun 25 Oct 10:30Z (10:30 GMT),
//	  after the clocks went back at 02:00 BST that morning: the wall clock says 47h30m,
//	  the elapsed time is 48h30m, so it is late. October.
//	B received Mon 30 Nov 23:30 (GMT), decided Tue 1 Dec 09:30: 10h, within. Received
//	  in November, screened in December: it counts here in December.
//	C received 1 Oct 08:00Z, decided 2 Oct 08:00Z: 24h, within. October.
//	G received 30 Sep 20:00Z, decided 30 Sep 23:30Z, which is 00:30 BST on 1 October:
//	  3h30m, within, counted in October (the UTC day is still September).
//	E not screened: not counted. F decided 1 Jan 2027 00:30 GMT: after the period.
//
// Screened 4, within 3 (75%); hours 3.5, 10, 24, 48.5: median (10+24)/2 = 17.
// October: 3 screened, 2 within (66.7%), median 24. November: none. December: 1 of 1.
func TestScreeningFigures(t *testing.T) {
	in := domain.ScreenedIn
	rs := []Referral{
		screened(t, "2026-10-23T10:00:00Z", "2026-10-25T10:30:00Z", in, ""),
		screened(t, "2026-11-30T23:30:00Z", "2026-12-01T09:30:00Z", domain.ScreenedOut, domain.RuleRisk),
		screened(t, "2026-10-01T08:00:00Z", "2026-10-02T08:00:00Z", in, ""),
		screened(t, "2026-09-30T20:00:00Z", "2026-09-30T23:30:00Z", in, ""),
		screened(t, "2026-10-05T08:00:00Z", "", "", ""),
		screened(t, "2026-12-30T08:00:00Z", "2027-01-01T00:30:00Z", in, ""),
	}
	got := ScreeningFigures(rs, day("2026-10-01"), day("2026-12-31"))
	want := Screening{Screened: 4, Within48h: 3, PercentWithin48h: fig(75), MedianHours: fig(17),
		ByMonth: []ScreeningMonth{
			{Month: "2026-10", Screened: 3, Within48h: 2, PercentWithin48h: fig(66.7), MedianHours: fig(24)},
			{Month: "2026-11", PercentWithin48h: fig(-1), MedianHours: fig(-1)},
			{Month: "2026-12", Screened: 1, Within48h: 1, PercentWithin48h: fig(100), MedianHours: fig(10)},
		}}
	same(t, "screening", got, want)
}

// Exactly 48 elapsed hours is within; a minute more is not, across the clock change
// as anywhere (domain.ScreeningWindow).
func TestScreeningFortyEightHoursEdge(t *testing.T) {
	tests := []struct {
		name, received, decided string
		within                  int
	}{
		{"48h across the change (wall clock 47h)", "2026-10-24T09:00:00Z", "2026-10-26T09:00:00Z", 1},
		{"48h01m across the change", "2026-10-24T09:00:00Z", "2026-10-26T09:01:00Z", 0},
		{"47h30m across the spring change (wall clock 48h30m)", "2027-03-27T10:00:00Z", "2027-03-29T09:30:00Z", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []Referral{screened(t, tt.received, tt.decided, domain.ScreenedIn, "")}
			got := ScreeningFigures(rs, day("2026-10-01"), day("2027-03-31"))
			if got.Screened != 1 || got.Within48h != tt.within {
				t.Errorf("screened %d within %d, want 1 and %d", got.Screened, got.Within48h, tt.within)
			}
		})
	}
}
