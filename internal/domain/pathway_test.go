package domain

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

// expectedOn is a case whose only fact is an expected release date of the given kind.
func expectedOn(kind ReleaseDateType, y int, m time.Month, day int) CaseRelease {
	return CaseRelease{Dates: SentenceDates{ReleaseDate{Date: ident.MustDate(y, m, day), Kind: kind}}}
}

// releasedOn is a case whose person was released on the given day.
func releasedOn(y int, m time.Month, day int) CaseRelease {
	return CaseRelease{Actual: ident.MustDate(y, m, day)}
}

func TestPathwayOfPhases(t *testing.T) {
	d := ident.MustDate
	crd := expectedOn(ReleaseCRD, 2027, 1, 6) // Wednesday 6 January 2027
	ped := expectedOn(ReleasePED, 2027, 1, 6)
	hdced := expectedOn(ReleaseHDCED, 2027, 1, 6)
	hdcConfirmed := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseHDCED, Confirmed: true}}}
	recalled := releasedOn(2027, 1, 6)
	recalled.RecalledOn = d(2027, 3, 2)
	reReleased := recalled
	reReleased.ReReleased = d(2027, 5, 10)
	prrd := recalled
	prrd.Dates = SentenceDates{ReleaseDate{Date: d(2027, 4, 2), Kind: ReleasePRRD}}
	out := crd // released on the day expected, and recorded
	out.Actual = d(2027, 1, 6)
	earlyOut := expectedOn(ReleaseCRD, 2027, 1, 6)
	earlyOut.Actual = d(2027, 1, 5)

	tests := []struct {
		name  string
		r     CaseRelease
		today ident.Date
		want  Phase
		days  int
		month int
		words string
	}{
		{"nothing known", CaseRelease{}, d(2026, 6, 1), PhaseReleaseUnknown, 0, 0, "Release date unknown"},
		{"kind without a date", CaseRelease{Dates: SentenceDates{ReleaseDate{Kind: ReleaseCRD}}}, d(2026, 6, 1), PhaseReleaseUnknown, 0, 0, "Release date unknown"},
		{"HDCED is never the anchor", hdced, d(2026, 11, 24), PhaseReleaseUnknown, 0, 0, "Release date unknown; HDC eligibility Wednesday 6 January 2027"},
		{"confirmed HDC eligibility is still not a release", hdcConfirmed, d(2026, 11, 24), PhaseReleaseUnknown, 0, 0,
			"Release date unknown; HDC eligibility Wednesday 6 January 2027"},
		{"before the window", crd, d(2026, 6, 24), PhaseBeforeWindow, 196, 0, "engagement from Monday 6 July 2026; release in 196 days"},
		{"day before engagement_from", crd, d(2026, 7, 5), PhaseBeforeWindow, 185, 0, "engagement from Monday 6 July 2026; release in 185 days"},
		{"engagement_from itself", crd, d(2026, 7, 6), PhasePreRelease, 184, 0, "release in 184 days, Wednesday 6 January 2027"},
		{"pre-release", crd, d(2026, 11, 24), PhasePreRelease, 43, 0, "release in 43 days, Wednesday 6 January 2027"},
		{"day before release", crd, d(2027, 1, 5), PhasePreRelease, 1, 0, "release in 1 day, Wednesday 6 January 2027"},
		{"day of release", crd, d(2027, 1, 6), PhasePostRelease, 0, 1, "release today, Wednesday 6 January 2027"},
		{"day after release", out, d(2027, 1, 7), PhasePostRelease, 0, 1, "month 1 of 12 since release"},
		{"actual release wins over expected", earlyOut, d(2027, 1, 5), PhasePostRelease, 0, 1, "released today, Tuesday 5 January 2027"},
		{"last day of month 12", out, d(2028, 1, 5), PhasePostRelease, 0, 12, "month 12 of 12 since release"},
		{"discharge due", out, d(2028, 1, 6), PhaseDischargeDue, 0, 0, "discharge due today"},
		{"overdue by 1 day", out, d(2028, 1, 7), PhaseDischargeOverdue, 0, 0, "discharge overdue by 1 day"},
		{"overdue by 5 days", out, d(2028, 1, 11), PhaseDischargeOverdue, 0, 0, "discharge overdue by 5 days"},
		{"PED before the window", ped, d(2026, 6, 24), PhaseBeforeWindow, 196, 0, "engagement from Monday 6 July 2026; earliest possible release in 196 days: parole decision pending"},
		{"PED counted down as uncertain", ped, d(2026, 11, 24), PhasePreRelease, 43, 0, "earliest possible release in 43 days, Wednesday 6 January 2027: parole decision pending"},
		{"PED on its day", ped, d(2027, 1, 6), PhasePreRelease, 0, 0, "earliest possible release today, Wednesday 6 January 2027: parole decision pending"},
		{"PED passed, no release", ped, d(2027, 1, 7), PhaseReleaseUnknown, 0, 0, "Release date unknown; parole eligibility was Wednesday 6 January 2027: parole decision pending"},
		{"PED released on it", CaseRelease{Dates: ped.Dates, Actual: d(2027, 1, 6)}, d(2027, 2, 6), PhasePostRelease, 0, 2, "month 2 of 12 since release"},
		{"recall not yet", recalled, d(2027, 3, 1), PhasePostRelease, 0, 2, "month 2 of 12 since release"},
		{"recalled", recalled, d(2027, 3, 2), PhaseRecalled, 0, 0, "recalled on Tuesday 2 March 2027"},
		{"recalled, later", recalled, d(2028, 6, 1), PhaseRecalled, 0, 0, "recalled on Tuesday 2 March 2027"},
		{"recalled with a PRRD", prrd, d(2027, 3, 20), PhaseRecalled, 0, 0, "recalled on Tuesday 2 March 2027; post-recall release in 13 days, Friday 2 April 2027"},
		{"day before re-release", reReleased, d(2027, 5, 9), PhaseRecalled, 0, 0, "recalled on Tuesday 2 March 2027"},
		// 6 Jan to 2 Mar out, 69 days back in custody: the clock runs from 16 March.
		{"re-released, the clock resumes", reReleased, d(2027, 5, 10), PhasePostRelease, 0, 2, "month 2 of 12 since release"},
		{"re-released, month 3 from the resumed start", reReleased, d(2027, 5, 16), PhasePostRelease, 0, 3, "month 3 of 12 since release"},
		{"re-released, discharge moved by the recall", reReleased, d(2028, 1, 6), PhasePostRelease, 0, 10, "month 10 of 12 since release"},
		{"re-released, discharge due", reReleased, d(2028, 3, 16), PhaseDischargeDue, 0, 0, "discharge due today"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PathwayOf(tt.r, tt.today)
			if p.Phase != tt.want || p.DaysToRelease != tt.days || p.MonthSinceRelease != tt.month || p.Countdown != tt.words {
				t.Errorf("PathwayOf on %s = %s, days %d, month %d, %q\nwant %s, days %d, month %d, %q",
					tt.today, p.Phase, p.DaysToRelease, p.MonthSinceRelease, p.Countdown, tt.want, tt.days, tt.month, tt.words)
			}
		})
	}
}

func TestPathwayOfDates(t *testing.T) {
	d := ident.MustDate
	tests := []struct {
		name                   string
		r                      CaseRelease
		release, from, dischge ident.Date
	}{
		{"unknown has no dates", CaseRelease{}, ident.Date{}, ident.Date{}, ident.Date{}},
		{"HDCED has no dates", expectedOn(ReleaseHDCED, 2027, 1, 6), ident.Date{}, ident.Date{}, ident.Date{}},
		{"plain", expectedOn(ReleaseCRD, 2027, 1, 6), d(2027, 1, 6), d(2026, 7, 6), d(2028, 1, 6)},
		{"31 August into February", expectedOn(ReleaseCRD, 2027, 8, 31), d(2027, 8, 31), d(2027, 2, 28), d(2028, 8, 31)},
		{"leap day release", releasedOn(2028, 2, 29), d(2028, 2, 29), d(2027, 8, 29), d(2029, 2, 28)},
		{"31 March into September", expectedOn(ReleaseARD, 2027, 3, 31), d(2027, 3, 31), d(2026, 9, 30), d(2028, 3, 31)},
		{"actual wins", CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseCRD}}, Actual: d(2027, 1, 5)},
			d(2027, 1, 5), d(2026, 7, 5), d(2028, 1, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PathwayOf(tt.r, d(2026, 1, 1))
			if p.ReleaseDate != tt.release || p.EngagementFrom != tt.from || p.DischargeDue != tt.dischge {
				t.Errorf("got release %s, engagement %s, discharge %s; want %s, %s, %s",
					p.ReleaseDate, p.EngagementFrom, p.DischargeDue, tt.release, tt.from, tt.dischge)
			}
		})
	}
}

func TestPathwayMonthEndsAndLeapYears(t *testing.T) {
	d := ident.MustDate
	tests := []struct {
		name     string
		r        CaseRelease
		today    ident.Date
		want     Phase
		month    int
		discharg ident.Date
	}{
		{"release 10 Jan: 9 March is month 2", releasedOn(2027, 1, 10), d(2027, 3, 9), PhasePostRelease, 2, d(2028, 1, 10)},
		{"release 10 Jan: 10 March is month 3", releasedOn(2027, 1, 10), d(2027, 3, 10), PhasePostRelease, 3, d(2028, 1, 10)},
		{"release 10 Jan: 9 April is month 3", releasedOn(2027, 1, 10), d(2027, 4, 9), PhasePostRelease, 3, d(2028, 1, 10)},
		{"release 10 Jan: 10 April is month 4", releasedOn(2027, 1, 10), d(2027, 4, 10), PhasePostRelease, 4, d(2028, 1, 10)},
		{"release 31 Jan: 27 Feb is month 1", releasedOn(2027, 1, 31), d(2027, 2, 27), PhasePostRelease, 1, d(2028, 1, 31)},
		{"release 31 Jan: 28 Feb starts month 2", releasedOn(2027, 1, 31), d(2027, 2, 28), PhasePostRelease, 2, d(2028, 1, 31)},
		{"release 31 Jan: 30 March is month 2", releasedOn(2027, 1, 31), d(2027, 3, 30), PhasePostRelease, 2, d(2028, 1, 31)},
		{"release 31 Jan: 31 March starts month 3", releasedOn(2027, 1, 31), d(2027, 3, 31), PhasePostRelease, 3, d(2028, 1, 31)},
		{"release 31 Jan: 30 April starts month 4", releasedOn(2027, 1, 31), d(2027, 4, 30), PhasePostRelease, 4, d(2028, 1, 31)},
		{"leap year: 28 Feb is month 1", releasedOn(2028, 1, 31), d(2028, 2, 28), PhasePostRelease, 1, d(2029, 1, 31)},
		{"leap year: 29 Feb starts month 2", releasedOn(2028, 1, 31), d(2028, 2, 29), PhasePostRelease, 2, d(2029, 1, 31)},
		{"leap day release: month 12's last day", releasedOn(2028, 2, 29), d(2029, 2, 27), PhasePostRelease, 12, d(2029, 2, 28)},
		{"leap day release: discharge due", releasedOn(2028, 2, 29), d(2029, 2, 28), PhaseDischargeDue, 0, d(2029, 2, 28)},
		{"leap day release: overdue", releasedOn(2028, 2, 29), d(2029, 3, 1), PhaseDischargeOverdue, 0, d(2029, 2, 28)},
		{"31 Aug release: day before engagement", expectedOn(ReleaseCRD, 2027, 8, 31), d(2027, 2, 27), PhaseBeforeWindow, 0, d(2028, 8, 31)},
		{"31 Aug release: engagement day", expectedOn(ReleaseCRD, 2027, 8, 31), d(2027, 2, 28), PhasePreRelease, 0, d(2028, 8, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PathwayOf(tt.r, tt.today)
			if p.Phase != tt.want || p.MonthSinceRelease != tt.month || p.DischargeDue != tt.discharg {
				t.Errorf("on %s: %s month %d discharge %s; want %s month %d discharge %s",
					tt.today, p.Phase, p.MonthSinceRelease, p.DischargeDue, tt.want, tt.month, tt.discharg)
			}
		})
	}
}
