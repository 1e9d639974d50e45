package domain

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

// Which date is the release (docs/RULES.md): every kind, unconfirmed and confirmed, on
// the day before its date, on its day and the day after, with and without a recorded
// release.
func TestReleaseOn(t *testing.T) {
	d := ident.MustDate
	due := d(2026, 11, 10)
	before, after := due.AddDays(-1), due.AddDays(1)
	type want struct {
		date     ident.Date
		earliest bool
	}
	none := want{}
	is := want{date: due}
	earliest := want{date: due, earliest: true}
	tests := []struct {
		kind                ReleaseDateType
		before, on, after   want // unconfirmed
		confirmedEverywhere bool // a confirmed date of this kind is the release every day; else confirming changes nothing
	}{
		{"", is, is, is, true},
		{ReleaseConfirmed, is, is, is, true},
		{ReleaseCRD, is, is, is, true},
		{ReleaseARD, is, is, is, true},
		{ReleaseAPD, is, is, is, true},
		{ReleaseHDCAD, is, is, is, true},
		{ReleasePRRD, is, is, is, true},
		{ReleaseOther, is, is, is, true},
		{ReleaseHDCED, none, none, none, false},       // eligibility, confirmed or not
		{ReleasePED, earliest, earliest, none, false}, // the same: a confirmed PED is still only eligibility
	}
	for _, tt := range tests {
		for _, day := range []struct {
			name string
			on   ident.Date
			want want
		}{{"day before", before, tt.before}, {"its day", due, tt.on}, {"day after", after, tt.after}} {
			e := ReleaseDate{Date: due, Kind: tt.kind}
			got := ReleaseOn(ident.Date{}, SentenceDates{e}, day.on)
			if got.Date != day.want.date || got.Earliest != day.want.earliest || got.Recorded {
				t.Errorf("%q on the %s: %+v, want %+v", tt.kind, day.name, got, day.want)
			}
			e.Confirmed = true
			got = ReleaseOn(ident.Date{}, SentenceDates{e}, day.on)
			switch {
			case tt.confirmedEverywhere && (got.Date != due || got.Earliest || got.Recorded):
				t.Errorf("confirmed %q on the %s: %+v, want %s, certain", tt.kind, day.name, got, due)
			case !tt.confirmedEverywhere && (got.Date != day.want.date || got.Earliest != day.want.earliest):
				t.Errorf("confirmed %q on the %s: %+v, want %+v as unconfirmed", tt.kind, day.name, got, day.want)
			}
			actual := due.AddDays(-3)
			if got := ReleaseOn(actual, SentenceDates{ReleaseDate{Date: due, Kind: tt.kind}}, day.on); got != (TheRelease{Date: actual, Recorded: true}) {
				t.Errorf("%q released on %s, on the %s: %+v, want the recorded release", tt.kind, actual, day.name, got)
			}
		}
	}
	if got := ReleaseOn(ident.Date{}, SentenceDates{ReleaseDate{Kind: ReleaseCRD}}, due); got != (TheRelease{}) {
		t.Errorf("a kind without a date: %+v, want none", got)
	}
	// A day not known (a referral's received date not recorded): a PED is not passed.
	if got := ReleaseOn(ident.Date{}, SentenceDates{ReleaseDate{Date: due, Kind: ReleasePED}}, ident.Date{}); got != (TheRelease{Date: due, Earliest: true, From: ReleaseDate{Date: due, Kind: ReleasePED}}) {
		t.Errorf("PED with no day: %+v", got)
	}
}

// The eligibility timing rule and the pathway ask the same rule: on the day a referral
// is received, the window is counted back from the date PathwayOf counts to on that day.
func TestTimingAndPathwayAgree(t *testing.T) {
	d := ident.MustDate
	due := d(2027, 1, 6)
	for _, kind := range ReleaseDateTypes {
		for _, confirmed := range []bool{false, true} {
			for _, received := range []ident.Date{d(2026, 7, 5), d(2026, 7, 6), d(2026, 11, 24), due, due.AddDays(1), due.AddDays(30)} {
				e := ReleaseDate{Date: due, Kind: kind, Confirmed: confirmed}
				r := eligibleReferral()
				r.ExpectedRelease, r.ReleaseDateType = e.Date, e.Kind
				r.ReceivedAt = time.Date(received.Year, received.Month, received.Day, 12, 0, 0, 0, london())
				if confirmed && kind != ReleaseConfirmed {
					continue // a referral carries a kind, not a confirmed flag: "confirmed" is its kind
				}
				p := PathwayOf(CaseRelease{Dates: SentenceDates{e}}, received)
				el := CheckEligibility(r, checkedAt)
				if want := ReferralWindowOpens(p.ReleaseDate); el.WindowOpensOn != want || p.EngagementFrom != want {
					t.Errorf("%s received %s: window opens %s, pathway's engagement from %s, want both %s",
						kind, received, el.WindowOpensOn, p.EngagementFrom, want)
				}
				if timing := ruleOf(el, RuleTiming); (timing.Result == Unknown) != (p.ReleaseDate.IsZero() || received.After(due)) {
					t.Errorf("%s received %s: timing %s %q with the pathway's release %s", kind, received, timing.Result, timing.Reason, p.ReleaseDate)
				}
			}
		}
	}
}

func ruleOf(e Eligibility, id RuleID) Rule {
	for _, r := range e.Rules {
		if r.ID == id {
			return r
		}
	}
	return Rule{}
}

// The timing rule says why the window cannot be checked when the only date is not the
// release on the day the referral was received.
func TestTimingRuleNotTheRelease(t *testing.T) {
	d := ident.MustDate
	kind := func(release ident.Date, k ReleaseDateType, received time.Time) func(*Referral) {
		return func(r *Referral) { r.ExpectedRelease, r.ReleaseDateType, r.ReceivedAt = release, k, received }
	}
	checkRule(t, RuleTiming, []ruleCase{
		{"HDCED is not the release", kind(d(2027, 8, 31), ReleaseHDCED, londonTime(2027, 3, 1, 10, 0)), Unknown,
			"Only an HDC eligibility date (2027-08-31) is recorded, and it is not a release date, so the six-month window cannot be checked."},
		{"HDCAD is", kind(d(2027, 8, 31), ReleaseHDCAD, londonTime(2027, 3, 1, 10, 0)), Pass,
			"Release 2027-08-31: the six-month window opened 2027-02-28; referral received 2027-03-01 is inside it."},
		{"PED to come is the earliest release", kind(d(2027, 8, 31), ReleasePED, londonTime(2027, 2, 27, 10, 0)), Fail,
			"Release 2027-08-31: the six-month window opens on 2027-02-28; referral received 2027-02-27 is too early. It can be made on or after 2027-02-28."},
		{"PED on the day received", kind(d(2027, 8, 31), ReleasePED, londonTime(2027, 8, 31, 10, 0)), Pass,
			"Release 2027-08-31: the six-month window opened 2027-02-28; referral received 2027-08-31 is inside it."},
		{"PED passed before the referral", kind(d(2027, 8, 31), ReleasePED, londonTime(2027, 9, 1, 10, 0)), Unknown,
			"Parole eligibility was 2027-08-31, before the referral was received: the parole decision is pending, so the six-month window cannot be checked."},
		{"a passed CRD is still the release", kind(d(2027, 8, 31), ReleaseCRD, londonTime(2027, 9, 1, 10, 0)), Unknown,
			"Referral received 2027-09-01 is after the release on 2027-08-31; this needs a service decision."},
	})
}
