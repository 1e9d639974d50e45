package domain

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

// A changed release date shows "was {old}" for 14 days from the London day of the
// change, and an approved date says so (docs/RULES.md, "Release dates and the countdown").
func TestPathwayWasAndApproved(t *testing.T) {
	d := ident.MustDate
	old := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseCRD}}}
	// 23:30 UTC on 1 July is 00:30 on 2 July in London (BST): the change is dated 2 July.
	moved, err := old.Change(ReleaseDate{Date: d(2027, 2, 10), Kind: ReleaseCRD}, "date recalculated", "A. Clinician",
		time.Date(2026, 7, 1, 23, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	fromUnknown, err := CaseRelease{}.Change(ReleaseDate{Date: d(2027, 2, 10), Kind: ReleaseCRD}, "from NOMIS", "A. Clinician",
		time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	confirmedSame, err := moved.Change(ReleaseDate{Date: d(2027, 2, 10), Kind: ReleaseCRD, Confirmed: true}, "confirmed by the POM", "B. Clinician",
		time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	out := moved
	out.Actual = d(2026, 9, 3)
	apd := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseAPD}}}
	apdOut := apd
	apdOut.Actual = d(2027, 1, 6)
	hdcad := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2027, 1, 6), Kind: ReleaseHDCAD}}}
	tests := []struct {
		name  string
		r     CaseRelease
		today ident.Date
		words string
	}{
		{"on the day of the change", moved, d(2026, 7, 2), "engagement from Monday 10 August 2026; release in 223 days (was Wednesday 6 January 2027)"},
		{"13 days on", moved, d(2026, 7, 15), "engagement from Monday 10 August 2026; release in 210 days (was Wednesday 6 January 2027)"},
		{"14 days on it is gone", moved, d(2026, 7, 16), "engagement from Monday 10 August 2026; release in 209 days"},
		{"the evening before the London day", moved, d(2026, 7, 1), "engagement from Monday 10 August 2026; release in 224 days"},
		{"from unknown there was nothing", fromUnknown, d(2026, 9, 2), "release in 161 days, Wednesday 10 February 2027"},
		{"confirming the same date moves nothing", confirmedSame, d(2026, 9, 2), "release in 161 days, Wednesday 10 February 2027"},
		{"once out the actual date counts", out, d(2026, 9, 4), "month 1 of 12 since release"},
		{"parole approved", apd, d(2026, 11, 24), "release in 43 days, Wednesday 6 January 2027 (parole approved)"},
		{"HDC approved", hdcad, d(2026, 11, 24), "release in 43 days, Wednesday 6 January 2027 (HDC approved)"},
		{"approved, before the window", apd, d(2026, 6, 1), "engagement from Monday 6 July 2026; release in 219 days (parole approved)"},
		{"approved, on the day", apd, d(2027, 1, 6), "release today, Wednesday 6 January 2027 (parole approved)"},
		{"approved, released, a month on", apdOut, d(2027, 2, 6), "month 2 of 12 since release"},
		{"approved, a month on, no release recorded", apd, d(2027, 2, 6), "release was due Wednesday 6 January 2027: record the release or correct the date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PathwayOf(tt.r, tt.today).Countdown; got != tt.words {
				t.Errorf("on %s: %q, want %q", tt.today, got, tt.words)
			}
		})
	}
}
