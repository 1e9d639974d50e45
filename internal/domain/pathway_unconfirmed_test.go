package domain

import (
	"testing"

	"caseload/internal/ident"
)

// Release not confirmed (docs/RULES.md): once the expected release date has passed with
// no release recorded, nothing counts months and no discharge is due; a recalled case's
// clock is paused, so it has no discharge date either.
func TestPathwayReleaseNotConfirmed(t *testing.T) {
	d := ident.MustDate
	crd := expectedOn(ReleaseCRD, 2026, 11, 10) // Tuesday 10 November 2026
	confirmed := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2026, 11, 10), Kind: ReleaseConfirmed}}}
	hdcedConfirmed := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2026, 11, 10), Kind: ReleaseHDCED, Confirmed: true}}}
	out := crd
	out.Actual = d(2026, 11, 10)
	recalled := releasedOn(2026, 6, 1)
	recalled.RecalledOn = d(2026, 10, 1)
	prrd := recalled
	prrd.Dates = SentenceDates{ReleaseDate{Date: d(2026, 11, 10), Kind: ReleasePRRD}}
	reReleased := prrd
	reReleased.ReReleased = d(2026, 11, 12)
	unconfirmed := "release was due Tuesday 10 November 2026: record the release or correct the date"
	none := ident.Date{}

	tests := []struct {
		name      string
		r         CaseRelease
		today     ident.Date
		want      Phase
		month     int
		discharge ident.Date
		words     string
	}{
		{"day before release", crd, d(2026, 11, 9), PhasePreRelease, 0, d(2027, 11, 10), "release in 1 day, Tuesday 10 November 2026"},
		{"day of release itself", crd, d(2026, 11, 10), PhasePostRelease, 1, d(2027, 11, 10), "release today, Tuesday 10 November 2026"},
		{"day after, nothing recorded", crd, d(2026, 11, 11), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"two weeks on, nothing recorded", crd, d(2026, 11, 24), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"a year on, never discharge due", crd, d(2027, 11, 10), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"confirmed date passed, nothing recorded", confirmed, d(2026, 11, 24), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"confirmed HDC eligibility passed", hdcedConfirmed, d(2026, 11, 24), PhaseReleaseUnknown, 0, none,
			"Release date unknown; HDC eligibility Tuesday 10 November 2026"},
		{"APD passed", expectedOn(ReleaseAPD, 2026, 11, 10), d(2026, 11, 24), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"kind not stated, passed", expectedOn("", 2026, 11, 10), d(2026, 11, 24), PhaseReleaseUnconfirmed, 0, none, unconfirmed},
		{"release recorded on the day", out, d(2026, 11, 24), PhasePostRelease, 1, d(2027, 11, 10), "month 1 of 12 since release"},
		{"recorded the day after", out, d(2026, 11, 11), PhasePostRelease, 1, d(2027, 11, 10), "month 1 of 12 since release"},
		// Unknown dates stay unknown: a PED or an HDCED is not the release.
		{"nothing known", CaseRelease{}, d(2026, 11, 24), PhaseReleaseUnknown, 0, none, "Release date unknown"},
		{"PED passed is not the release", expectedOn(ReleasePED, 2026, 11, 10), d(2026, 11, 24), PhaseReleaseUnknown, 0, none,
			"Release date unknown; parole eligibility was Tuesday 10 November 2026: parole decision pending"},
		{"HDCED passed is not the release", expectedOn(ReleaseHDCED, 2026, 11, 10), d(2026, 11, 24), PhaseReleaseUnknown, 0, none,
			"Release date unknown; HDC eligibility Tuesday 10 November 2026"},
		// Recall: the clock is paused, so no discharge is due.
		{"recalled", recalled, d(2026, 11, 24), PhaseRecalled, 0, none, "recalled on Thursday 1 October 2026"},
		{"recalled, PRRD to come", prrd, d(2026, 11, 9), PhaseRecalled, 0, none,
			"recalled on Thursday 1 October 2026; post-recall release in 1 day, Tuesday 10 November 2026"},
		{"recalled, PRRD today", prrd, d(2026, 11, 10), PhaseRecalled, 0, none,
			"recalled on Thursday 1 October 2026; post-recall release today, Tuesday 10 November 2026"},
		{"recalled, PRRD passed, no re-release", prrd, d(2026, 11, 11), PhaseReleaseUnconfirmed, 0, none,
			"recalled on Thursday 1 October 2026; post-recall release was due Tuesday 10 November 2026: record the re-release or correct the date"},
		// 1 Oct to 12 Nov back in custody, 42 days: the clock resumes from 13 July.
		{"re-released, the clock resumes", reReleased, d(2026, 11, 24), PhasePostRelease, 5, d(2027, 7, 13), "month 5 of 12 since release"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PathwayOf(tt.r, tt.today)
			if p.Phase != tt.want || p.MonthSinceRelease != tt.month || p.DischargeDue != tt.discharge || p.Countdown != tt.words {
				t.Errorf("on %s: %s, month %d, discharge %s, %q\nwant %s, month %d, discharge %s, %q", tt.today,
					p.Phase, p.MonthSinceRelease, p.DischargeDue, p.Countdown, tt.want, tt.month, tt.discharge, tt.words)
			}
			if p.Phase == PhaseReleaseUnconfirmed && (p.DaysToRelease != 0 || NextMilestone(tt.r, p).What == "discharge due") {
				t.Errorf("an unconfirmed release counts: days %d, milestone %+v", p.DaysToRelease, NextMilestone(tt.r, p))
			}
		})
	}
}
