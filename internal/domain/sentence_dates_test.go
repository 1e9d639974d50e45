package domain

import (
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

// Which date is the release when a case holds several (docs/RULES.md, "Sentence dates"):
// the shapes sentences really take, on the days that change the answer.
func TestReleaseOnSentenceShapes(t *testing.T) {
	d := ident.MustDate
	crd := ReleaseDate{Date: d(2027, 6, 1), Kind: ReleaseCRD}
	ped := ReleaseDate{Date: d(2027, 2, 1), Kind: ReleasePED}
	hdced := ReleaseDate{Date: d(2027, 3, 1), Kind: ReleaseHDCED}
	hdcad := ReleaseDate{Date: d(2027, 3, 15), Kind: ReleaseHDCAD}
	apd := ReleaseDate{Date: d(2027, 4, 1), Kind: ReleaseAPD}
	sed := ReleaseDate{Date: d(2029, 6, 1), Kind: ReleaseSED}
	led := ReleaseDate{Date: d(2028, 6, 1), Kind: ReleaseLED}
	sled := ReleaseDate{Date: d(2028, 6, 1), Kind: ReleaseSLED}
	tused := ReleaseDate{Date: d(2028, 1, 1), Kind: ReleaseTUSED}
	ard := ReleaseDate{Date: d(2027, 1, 4), Kind: ReleaseARD}
	prrd := ReleaseDate{Date: d(2027, 5, 1), Kind: ReleasePRRD}
	confirmed := func(r ReleaseDate) ReleaseDate { r.Confirmed = true; return r }
	early, afterPED := d(2026, 12, 1), d(2027, 2, 2)
	tests := []struct {
		name     string
		dates    SentenceDates
		day      ident.Date
		want     ReleaseDate // zero: unknown
		earliest bool
	}{
		{"standard: CRD with LED, SED and HDCED", SentenceDates{crd, hdced, led, sed}, early, crd, false},
		{"HDC approved before the CRD", SentenceDates{crd, hdced, hdcad, led}, early, hdcad, false},
		{"extended: PED before the CRD, not yet passed", SentenceDates{crd, ped, sed}, early, ped, true},
		{"extended: on the PED itself", SentenceDates{crd, ped, sed}, ped.Date, ped, true},
		{"extended: PED passed, parole not directed: the CRD", SentenceDates{crd, ped, sed}, afterPED, crd, false},
		{"extended: parole directed", SentenceDates{crd, ped, apd, sed}, early, apd, false},
		{"PED alone, passed: unknown", SentenceDates{ped, sed}, afterPED, ReleaseDate{}, false},
		{"HDCED alone: unknown", SentenceDates{hdced, led}, early, ReleaseDate{}, false},
		{"expiry dates alone: unknown", SentenceDates{led, sed, sled, tused}, early, ReleaseDate{}, false},
		{"short sentence: ARD and TUSED", SentenceDates{ard, tused}, early, ard, false},
		{"recall: PRRD with SED", SentenceDates{prrd, sed}, early, prrd, false},
		{"a CRD confirmed after an approval's date is still later", SentenceDates{confirmed(crd), hdcad}, early, hdcad, false},
		{"a confirmed HDCED is still only eligibility", SentenceDates{crd, confirmed(hdced)}, early, crd, false},
		{"a confirmed PED is still only the earliest possible", SentenceDates{crd, confirmed(ped)}, early, confirmed(ped), true},
		{"a confirmed PED passed: the CRD", SentenceDates{crd, confirmed(ped)}, afterPED, crd, false},
		{"a PED after the CRD never comes first", SentenceDates{{Date: d(2027, 1, 1), Kind: ReleaseCRD}, ped}, early,
			ReleaseDate{Date: d(2027, 1, 1), Kind: ReleaseCRD}, false},
		{"the PED on the CRD's day: the CRD is certain", SentenceDates{{Date: ped.Date, Kind: ReleaseCRD}, ped}, early,
			ReleaseDate{Date: ped.Date, Kind: ReleaseCRD}, false},
		{"an expiry date confirmed is still not a release", SentenceDates{confirmed(sed), crd}, early, crd, false},
		{"not stated and a CRD: the earlier", SentenceDates{{Date: d(2027, 1, 1)}, crd}, early, ReleaseDate{Date: d(2027, 1, 1)}, false},
		{"the kind confirmed", SentenceDates(nil).Set(ReleaseDate{Date: d(2027, 1, 1), Kind: ReleaseConfirmed}).Set(crd), early,
			ReleaseDate{Date: d(2027, 1, 1), Kind: ReleaseConfirmed, Confirmed: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ReleaseOn(ident.Date{}, tt.dates, tt.day)
			if got.From != tt.want || got.Date != tt.want.Date || got.Earliest != tt.earliest || got.Recorded {
				t.Errorf("ReleaseOn = %+v, want %+v (earliest %v)", got, tt.want, tt.earliest)
			}
			if got := ReleaseOn(d(2027, 1, 2), tt.dates, tt.day); got != (TheRelease{Date: d(2027, 1, 2), Recorded: true}) {
				t.Errorf("with a release recorded: %+v, want the recorded release", got)
			}
			if p := PathwayOf(CaseRelease{Dates: tt.dates}, tt.day); p.ReleaseDate != tt.want.Date || p.Anchor != tt.want || p.Earliest != tt.earliest {
				t.Errorf("the pathway counts to %s (%+v), want %s", p.ReleaseDate, p.Anchor, tt.want.Date)
			}
		})
	}
}

// Every combination of kinds held (each kind once, in two orders of their dates, with
// none, the first or every date confirmed), on three days: what the rule picks obeys
// docs/RULES.md, "Which date is the release", whatever else is held.
func TestReleaseOnEveryCombination(t *testing.T) {
	d := ident.MustDate
	kinds := append([]ReleaseDateType{""}, SentenceDateKinds...)
	base := d(2027, 1, 1)
	days := []ident.Date{d(2026, 6, 1), base.AddDays(len(kinds) / 2 * 10), d(2031, 1, 1)}
	checked := 0
	for set := 1; set < 1<<len(kinds); set++ {
		for _, ascending := range []bool{true, false} {
			for _, conf := range []string{"none", "first", "all"} {
				var dates SentenceDates
				n := 0
				for i, k := range kinds {
					if set&(1<<i) == 0 {
						continue
					}
					offset := i
					if !ascending {
						offset = len(kinds) - i
					}
					r := ReleaseDate{Date: base.AddDays(offset * 10), Kind: k, Confirmed: conf == "all" || (conf == "first" && n == 0)}
					dates = dates.Set(r)
					n++
				}
				for _, day := range days {
					checkReleaseOn(t, dates, day)
					checked++
				}
			}
		}
	}
	if checked < 100_000 {
		t.Fatalf("checked %d combinations only", checked)
	}
}

// checkReleaseOn holds ReleaseOn's answer for dates on day against the rule's clauses.
func checkReleaseOn(t *testing.T, dates SentenceDates, day ident.Date) {
	t.Helper()
	got := ReleaseOn(ident.Date{}, dates, day)
	// Eligibility (PED, HDCED) and the expiry dates are never definite, confirmed or not.
	eligibility := func(r ReleaseDate) bool { return r.Kind == ReleasePED || r.Kind == ReleaseHDCED }
	definite := func(r ReleaseDate) bool {
		return !EndsSupervision(r.Kind) && !eligibility(r) && (r.IsConfirmed() || r.Kind == ReleaseAPD || r.Kind == ReleaseHDCAD)
	}
	pedOpen := func(r ReleaseDate) bool { return r.Kind == ReleasePED && !r.Date.Before(day) }
	automatic := func(r ReleaseDate) bool {
		return !EndsSupervision(r.Kind) && !definite(r) && r.Kind != ReleaseHDCED && r.Kind != ReleasePED
	}
	var anyDefinite, anyOpenPED, anyAutomatic bool
	for _, r := range dates {
		anyDefinite = anyDefinite || definite(r)
		anyOpenPED = anyOpenPED || pedOpen(r)
		anyAutomatic = anyAutomatic || automatic(r)
	}
	fail := func(why string) { t.Fatalf("%s: ReleaseOn(%+v, %s) = %+v", why, dates, day, got) }
	if got.From.Date.IsZero() {
		if anyDefinite || anyOpenPED || anyAutomatic {
			fail("a date that can be the release is held, but none was picked")
		}
		return
	}
	if dates.Of(got.From.Kind) != got.From || got.Date != got.From.Date {
		fail("picked a date not held")
	}
	switch {
	case EndsSupervision(got.From.Kind):
		fail("an expiry date is never the release")
	case anyDefinite && !definite(got.From):
		fail("a definite date is held but another was picked")
	case eligibility(got.From) && !got.Earliest:
		fail("an eligibility date is never a certain release")
	case got.Earliest != pedOpen(got.From):
		fail("only a PED not yet passed is the earliest possible release")
	case !anyDefinite && !got.Earliest && !automatic(got.From):
		fail("picked a date that is neither definite, an open PED nor automatic")
	}
	for _, r := range dates {
		switch {
		case definite(got.From) && definite(r) && r.Date.Before(got.Date):
			fail("an earlier definite date is held")
		case automatic(got.From) && automatic(r) && r.Date.Before(got.Date):
			fail("an earlier automatic date is held")
		case got.Earliest && automatic(r) && !got.Date.Before(r.Date):
			fail("a PED is the release only before every automatic date")
		}
	}
}

// What ParseSentenceDateKind accepts reads back as itself, and is a kind a case holds.
func FuzzParseSentenceDateKind(f *testing.F) {
	for _, s := range []string{"crd", " TUSED ", "", "soon", "Confirmed", "hdcad\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseSentenceDateKind(s)
		if err != nil {
			return
		}
		if again, err := ParseSentenceDateKind(string(k)); err != nil || again != k {
			t.Fatalf("%q read as %q, which reads back as %q, %v", s, k, again, err)
		}
		if k != "" && !slices.Contains(SentenceDateKinds, k) {
			t.Fatalf("%q read as %q, not a kind", s, k)
		}
	})
}

// Engagement that began six months before a PED is kept when the PED passes with parole
// not directed, whether the release is then a CRD already held or a new PED recorded
// after the hearing (docs/RULES.md, "The six-month window and the pathway").
func TestPassedPEDKeepsEngagement(t *testing.T) {
	d := ident.MustDate
	ped := ReleaseDate{Date: d(2027, 1, 1), Kind: ReleasePED}
	extended := CaseRelease{Dates: SentenceDates{{Date: d(2029, 1, 1), Kind: ReleaseCRD}, ped}}
	for _, day := range []ident.Date{d(2027, 1, 1), d(2027, 1, 2), d(2028, 6, 1)} {
		p := PathwayOf(extended, day)
		if p.Phase != PhasePreRelease || p.EngagementFrom != d(2026, 7, 1) {
			t.Errorf("extended sentence on %s: %s, engagement from %s; want pre-release from 2026-07-01", day, p.Phase, p.EngagementFrom)
		}
	}
	// Before engagement began, a PED that has passed moves nothing.
	early := CaseRelease{Dates: SentenceDates{{Date: d(2029, 1, 1), Kind: ReleaseCRD}, ped}}
	if p := PathwayOf(early, d(2026, 6, 1)); p.EngagementFrom != d(2026, 7, 1) || p.Phase != PhaseBeforeWindow {
		t.Errorf("before the window: %s from %s", p.Phase, p.EngagementFrom)
	}
	refused, err := CaseRelease{Dates: SentenceDates{ped}}.Change(ReleaseDate{Date: d(2028, 1, 1), Kind: ReleasePED},
		"parole refused; next review set", "A", time.Date(2027, 1, 10, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	p := PathwayOf(refused, d(2027, 1, 12))
	if p.Phase != PhasePreRelease || p.EngagementFrom != d(2026, 7, 1) || !strings.Contains(p.Countdown, "(was Friday 1 January 2027)") {
		t.Errorf("PED deferred after it passed: %s from %s, %q", p.Phase, p.EngagementFrom, p.Countdown)
	}
}

// A date recorded by mistake and put right the same day starts no engagement: removed
// or corrected, the pathway is as if it had never been typed (QA, issue 11).
func TestAMistakePutRightTheSameDayKeepsNothing(t *testing.T) {
	d := ident.MustDate
	crd := ReleaseDate{Date: d(2027, 7, 30), Kind: ReleaseCRD}
	at := time.Date(2026, 12, 3, 11, 0, 0, 0, time.UTC)
	r := CaseRelease{Dates: SentenceDates{crd}}
	wrong, err := r.Change(ReleaseDate{Date: d(2026, 12, 10), Kind: ReleaseHDCAD}, "wrong case", "A", at)
	if err != nil {
		t.Fatal(err)
	}
	removed, err := wrong.Change(ReleaseDate{Kind: ReleaseHDCAD}, "typed on the wrong case", "A", at.Add(5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if p := PathwayOf(removed, d(2026, 12, 3)); p.Phase != PhaseBeforeWindow || p.EngagementFrom != d(2027, 1, 30) {
		t.Errorf("after the mistake was removed: %s, engagement from %s; want before-window from 2027-01-30", p.Phase, p.EngagementFrom)
	}
	// Held since an earlier day, the release moved later keeps its start, as before.
	moved, err := wrong.Change(ReleaseDate{Date: d(2027, 3, 10), Kind: ReleaseHDCAD}, "HDC postponed", "A", at.Add(48*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if p := PathwayOf(moved, d(2026, 12, 5)); p.EngagementFrom != d(2026, 6, 10) {
		t.Errorf("a release held for days then deferred: engagement from %s, want 2026-06-10", p.EngagementFrom)
	}
}
