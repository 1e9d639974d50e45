package domain

import (
	"fmt"
	"testing"

	"caseload/internal/ident"
)

// TestLikelyWalkOut holds docs/RULES.md "The day a person walks out" for a CRD: every
// weekday of a plain week, every bank holiday of 2026 and 2027, the days around Christmas,
// New Year and Easter, the day before the Act was in force, and years the bank holiday
// list does not hold. want "" means the recorded day stands.
func TestLikelyWalkOut(t *testing.T) {
	tests := []struct {
		date, want, why string
		known           bool // HolidaysKnown, when moved
	}{
		// A plain week, Monday 15 to Sunday 21 June 2026.
		{"2026-06-15", "", "", true},
		{"2026-06-16", "", "", true},
		{"2026-06-17", "", "", true},
		{"2026-06-18", "", "", true},
		{"2026-06-19", "2026-06-18", "CRD falls on a Friday", true},
		{"2026-06-20", "2026-06-18", "CRD falls on a Saturday", true},
		{"2026-06-21", "2026-06-18", "CRD falls on a Sunday", true},

		// Every bank holiday of 2026.
		{"2026-01-01", "2025-12-30", "CRD falls on New Year's Day", true}, // Wed 31 Dec is the eve: Tuesday
		{"2026-04-03", "2026-04-01", "CRD falls on Good Friday", true},
		{"2026-04-06", "2026-04-01", "CRD falls on Easter Monday", true},
		{"2026-05-04", "2026-04-30", "CRD falls on the Early May bank holiday", true},
		{"2026-05-25", "2026-05-21", "CRD falls on the Spring bank holiday", true},
		{"2026-08-31", "2026-08-27", "CRD falls on the Summer bank holiday", true},
		{"2026-12-25", "2026-12-23", "CRD falls on Christmas Day", true},
		{"2026-12-28", "2026-12-23", "CRD falls on Boxing Day (substitute day)", true},

		// Christmas week 2026 and New Year 2027: Christmas on a Friday, Boxing Day on
		// the Saturday, its substitute on Monday 28.
		{"2026-12-21", "", "", true},
		{"2026-12-22", "", "", true},
		{"2026-12-23", "", "", true},
		{"2026-12-24", "2026-12-23", "CRD falls on the day before Christmas Day", true},
		{"2026-12-26", "2026-12-23", "CRD falls on a Saturday", true},
		{"2026-12-27", "2026-12-23", "CRD falls on a Sunday", true},
		{"2026-12-29", "", "", true},
		{"2026-12-30", "", "", true},
		{"2026-12-31", "2026-12-30", "CRD falls on the day before New Year's Day", true},
		{"2027-01-02", "2026-12-30", "CRD falls on a Saturday", true},
		{"2027-01-04", "", "", true},

		// Every bank holiday of 2027.
		{"2027-01-01", "2026-12-30", "CRD falls on New Year's Day", true},
		{"2027-03-26", "2027-03-24", "CRD falls on Good Friday", true},
		{"2027-03-29", "2027-03-24", "CRD falls on Easter Monday", true},
		{"2027-05-03", "2027-04-29", "CRD falls on the Early May bank holiday", true},
		{"2027-05-31", "2027-05-27", "CRD falls on the Spring bank holiday", true},
		{"2027-08-30", "2027-08-26", "CRD falls on the Summer bank holiday", true},
		{"2027-12-27", "2027-12-23", "CRD falls on Christmas Day (substitute day)", true},
		{"2027-12-28", "2027-12-23", "CRD falls on Boxing Day (substitute day)", true},

		// Easter 2027: Good Friday 26 March, Easter Monday 29 March.
		{"2027-03-24", "", "", true},
		{"2027-03-25", "2027-03-24", "CRD falls on the day before Good Friday", true},
		{"2027-03-27", "2027-03-24", "CRD falls on a Saturday", true},
		{"2027-03-28", "2027-03-24", "CRD falls on a Sunday", true},
		{"2027-03-30", "", "", true},

		// Christmas 2027 falls on the Saturday: both days have substitutes.
		{"2027-12-24", "2027-12-23", "CRD falls on a Friday", true},
		{"2027-12-25", "2027-12-23", "CRD falls on a Saturday", true},
		{"2027-12-29", "", "", true},
		{"2027-12-31", "2027-12-30", "CRD falls on a Friday", true},
		{"2028-01-03", "2027-12-30", "CRD falls on New Year's Day (substitute day)", true},

		// Christmas 2029 on a Tuesday: Monday 24 is the eve, and the working day before
		// it is a Friday, which is not an eligible working day either.
		{"2029-12-24", "2029-12-20", "CRD falls on the day before Christmas Day", true},
		{"2029-12-25", "2029-12-20", "CRD falls on Christmas Day", true},

		// Before the 2023 Act was in force (12 December 2023): weekends and holidays only.
		{"2023-11-05", "2023-11-03", "CRD falls on a Sunday", true},
		{"2023-12-01", "", "", true},
		{"2023-12-10", "2023-12-08", "CRD falls on a Sunday", true},
		{"2023-05-08", "2023-05-05", "CRD falls on the bank holiday for the coronation of King Charles III", true},
		{"2023-12-15", "2023-12-14", "CRD falls on a Friday", true},
		{"2023-12-17", "2023-12-14", "CRD falls on a Sunday", true},

		// Years the bank holiday list does not hold: weekends only, and said so.
		{"2031-04-06", "2031-04-03", "CRD falls on a Sunday", false},
		{"2031-12-24", "", "", false},
		{"2031-12-25", "", "", false}, // a Thursday: Christmas Day 2031 is not in the list
		{"2016-12-25", "2016-12-23", "CRD falls on a Sunday", false},
		{"2017-01-01", "2016-12-30", "CRD falls on a Sunday", false}, // lands in 2016
	}
	for _, tt := range tests {
		d := walkOutDate(t, tt.date)
		w, ok := LikelyWalkOut(ReleaseDate{Date: d, Kind: ReleaseCRD})
		if tt.want == "" {
			if ok {
				t.Errorf("%s (%s): moved to %s (%s), want it to stand", tt.date, d.Weekday(), w.Date, w.Why)
			}
			continue
		}
		if !ok {
			t.Errorf("%s (%s): stands, want %s", tt.date, d.Weekday(), tt.want)
			continue
		}
		if w.Date.String() != tt.want || w.Why != tt.why || w.HolidaysKnown != tt.known {
			t.Errorf("%s (%s): %s %q known=%v, want %s %q known=%v",
				tt.date, d.Weekday(), w.Date, w.Why, w.HolidaysKnown, tt.want, tt.why, tt.known)
		}
		if w.From != (ReleaseDate{Date: d, Kind: ReleaseCRD}) {
			t.Errorf("%s: From = %+v", tt.date, w.From)
		}
	}
}

// TestLikelyWalkOutKinds: only the automatic releases (CRD, ARD, PRRD) move; HDC, parole,
// eligibility, other and blank kinds, kinds the list does not know, confirmed dates and
// unknown dates stand.
func TestLikelyWalkOutKinds(t *testing.T) {
	sunday := ident.MustDate(2026, 6, 21)
	tests := []struct {
		d    ReleaseDate
		want bool
	}{
		{ReleaseDate{Date: sunday, Kind: ReleaseCRD}, true},
		{ReleaseDate{Date: sunday, Kind: ReleaseARD}, true},
		{ReleaseDate{Date: sunday, Kind: ReleasePRRD}, true},
		{ReleaseDate{Date: sunday, Kind: ReleasePED}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseAPD}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseHDCED}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseHDCAD}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseOther}, false},
		{ReleaseDate{Date: sunday, Kind: ""}, false},
		{ReleaseDate{Date: sunday, Kind: "LED"}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseConfirmed}, false},
		{ReleaseDate{Date: sunday, Kind: ReleaseCRD, Confirmed: true}, false},
		{ReleaseDate{Date: sunday, Kind: ReleasePRRD, Confirmed: true}, false},
		{ReleaseDate{Kind: ReleaseCRD}, false},
	}
	for _, tt := range tests {
		w, ok := LikelyWalkOut(tt.d)
		if ok != tt.want {
			t.Errorf("%+v: moved = %v, want %v", tt.d, ok, tt.want)
		}
		if ok && (w.Date != ident.MustDate(2026, 6, 18) || w.Why != string(tt.d.Kind)+" falls on a Sunday") {
			t.Errorf("%+v: %s %q", tt.d, w.Date, w.Why)
		}
		if !ok && w != (WalkOut{}) {
			t.Errorf("%+v: not moved but %+v", tt.d, w)
		}
	}
}

// TestWalkOutWords: what a screen shows beside the date, and the whole reason.
func TestWalkOutWords(t *testing.T) {
	tests := []struct {
		date           string
		kind           ReleaseDateType
		words, explain string
	}{
		{"2026-12-25", ReleaseCRD,
			"likely out Wednesday 23 December 2026 (CRD falls on Christmas Day)",
			"likely out Wednesday 23 December 2026: CRD falls on Christmas Day; prisons do not release on it, so release moves to the working day before, Thursday 24 December 2026, and the 2023 Act brings that forward one more working day"},
		{"2026-06-19", ReleaseARD,
			"likely out Thursday 18 June 2026 (ARD falls on a Friday)",
			"likely out Thursday 18 June 2026: ARD falls on a Friday; the 2023 Act brings release forward one working day"},
		{"2026-12-24", ReleasePRRD,
			"likely out Wednesday 23 December 2026 (PRRD falls on the day before Christmas Day)",
			"likely out Wednesday 23 December 2026: PRRD falls on the day before Christmas Day; the 2023 Act brings release forward one working day"},
		{"2029-12-24", ReleaseCRD,
			"likely out Thursday 20 December 2029 (CRD falls on the day before Christmas Day)",
			"likely out Thursday 20 December 2029: CRD falls on the day before Christmas Day; the 2023 Act brings release forward to the last working day before it that is not a Friday or the day before a bank holiday, Thursday 20 December 2029"},
		{"2023-11-05", ReleaseCRD,
			"likely out Friday 3 November 2023 (CRD falls on a Sunday)",
			"likely out Friday 3 November 2023: CRD falls on a Sunday; prisons do not release on it, so release moves to the working day before, Friday 3 November 2023"},
		{"2031-04-06", ReleaseCRD,
			"likely out Thursday 3 April 2031 (CRD falls on a Sunday; bank holidays of 2031 not known, only weekends counted)",
			"likely out Thursday 3 April 2031: CRD falls on a Sunday; prisons do not release on it, so release moves to the working day before, Friday 4 April 2031, and the 2023 Act brings that forward one more working day; bank holidays of 2031 not known, only weekends counted"},
		{"2017-01-01", ReleaseCRD,
			"likely out Friday 30 December 2016 (CRD falls on a Sunday; bank holidays of 2016 not known, only weekends counted)",
			"likely out Friday 30 December 2016: CRD falls on a Sunday; prisons do not release on it, so release moves to the working day before, Friday 30 December 2016; bank holidays of 2016 not known, only weekends counted"},
	}
	for _, tt := range tests {
		w, ok := LikelyWalkOut(ReleaseDate{Date: walkOutDate(t, tt.date), Kind: tt.kind})
		if !ok {
			t.Fatalf("%s %s: not moved", tt.kind, tt.date)
		}
		if got := w.Words(); got != tt.words {
			t.Errorf("%s %s Words:\n got %q\nwant %q", tt.kind, tt.date, got, tt.words)
		}
		if got := w.Explain(); got != tt.explain {
			t.Errorf("%s %s Explain:\n got %q\nwant %q", tt.kind, tt.date, got, tt.explain)
		}
	}
}

// TestLikelyWalkOutEveryDay: for every day the Act and the bank holiday list both cover,
// the day out is a working day followed by another, never after the recorded day nor
// more than a week before it, and the recorded day stands exactly when it is such a day.
func TestLikelyWalkOutEveryDay(t *testing.T) {
	for d := ident.MustDate(2024, 1, 1); d.Year <= LastBankHolidayYear; d = d.AddDays(1) {
		w, ok := LikelyWalkOut(ReleaseDate{Date: d, Kind: ReleaseCRD})
		if ok == eligibleDay(d) {
			t.Errorf("%s %s: moved = %v", d, d.Weekday(), ok)
		}
		if !ok {
			continue
		}
		if !eligibleDay(w.Date) || !w.Date.Before(d) || w.Date.DaysUntil(d) > 7 || !w.HolidaysKnown {
			t.Errorf("%s %s: likely out %s %s (%s)", d, d.Weekday(), w.Date, w.Date.Weekday(), w.Why)
		}
		if NonWorkingDay(w.Date.AddDays(1)) != "" {
			t.Errorf("%s: the day after %s is %s", d, w.Date, NonWorkingDay(w.Date.AddDays(1)))
		}
	}
}

func walkOutDate(t *testing.T, s string) ident.Date {
	t.Helper()
	d, err := ident.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A CRD on the Friday before the Early May bank holiday: the screen shows the recorded
// date and, beside it, the likely day out.
func ExampleLikelyWalkOut() {
	crd := ReleaseDate{Date: ident.MustDate(2027, 4, 30), Kind: ReleaseCRD}
	if w, ok := LikelyWalkOut(crd); ok {
		fmt.Println(crd.Describe(ident.Date.Long), "-", w.Words())
		fmt.Println(w.Explain())
	}
	hdc := ReleaseDate{Date: ident.MustDate(2026, 12, 24), Kind: ReleaseHDCAD}
	_, ok := LikelyWalkOut(hdc)
	fmt.Println(hdc.Describe(ident.Date.Long), "moves:", ok)
	// Output:
	// Friday 30 April 2027 (CRD) - likely out Thursday 29 April 2027 (CRD falls on a Friday)
	// likely out Thursday 29 April 2027: CRD falls on a Friday; the 2023 Act brings release forward one working day
	// Thursday 24 December 2026 (HDCAD) moves: false
}
