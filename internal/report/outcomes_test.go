package report

import (
	"testing"

	"caseload/internal/domain"
)

// score is a signed CORE-10 (or other) total for a case on a day.
func score(id, caseID int64, measure, on string, total float64) domain.MeasureScore {
	return domain.MeasureScore{ID: id, CaseID: caseID, Measure: measure, TakenOn: day(on),
		Result: domain.MeasureResult{Scores: []domain.ScaleScore{{Scale: "total", Value: total}}}}
}

// CORE-10 over October 2026 (lower is better, reliable change 6 points):
//
//	case 1: 20 in June, 12 on 10 Oct, 13 on 20 Oct: the later score is 13, change -7,
//	  reliably improved.
//	case 2: 10 on 1 Sep, 17 on 15 Oct: +7, reliably worse.
//	case 3: 15 on 1 Sep, 12 on 15 Oct: -3, not reliable.
//	case 4: 18 on 1 Sep, 5 on 15 Oct, corrected (replaced) by 14 on 15 Oct: -4.
//	case 5: 20 on 1 Sep, 10 on 15 Nov: after the period, not counted.
//	case 6: only a baseline, on 5 Oct: not counted.
//	case 7: baseline and later score on the same day (7 Oct): not counted.
//
// People 4 (cases 1-4); changes -7, +7, -3, -4: mean -1.75; improved 1 (25%), worse 1.
func TestMeasureOutcome(t *testing.T) {
	core := "core-10"
	fixed := score(42, 4, core, "2026-10-15", 14)
	fixed.Replaces = 41
	scores := []domain.MeasureScore{
		score(1, 1, core, "2026-06-01", 20), score(2, 1, core, "2026-10-10", 12), score(3, 1, core, "2026-10-20", 13),
		score(10, 2, core, "2026-09-01", 10), score(11, 2, core, "2026-10-15", 17),
		score(20, 3, core, "2026-09-01", 15), score(21, 3, core, "2026-10-15", 12),
		score(40, 4, core, "2026-09-01", 18), score(41, 4, core, "2026-10-15", 5), fixed,
		score(50, 5, core, "2026-09-01", 20), score(51, 5, core, "2026-11-15", 10),
		score(60, 6, core, "2026-10-05", 20),
		score(70, 7, core, "2026-10-07", 20), score(71, 7, core, "2026-10-07", 9),
		score(80, 1, "swemwbs", "2026-06-01", 20), score(81, 1, "swemwbs", "2026-10-02", 25),
	}
	d, ok := domain.MeasureByID(core)
	if !ok || d.ReliableChange != 6 || d.Better != domain.LowerIsBetter {
		t.Fatalf("CORE-10 definition %+v: this test assumes reliable change 6, lower is better", d)
	}
	from, to := day("2026-10-01"), day("2026-10-31")
	got := MeasureOutcomeOf(d, StandingScores(scores), from, to)
	same(t, "CORE-10", got, MeasureOutcome{Measure: core, Name: "CORE-10", People: 4, MeanChange: fig(-1.75),
		ReliablyImproved: 1, ReliablyWorse: 1, PercentImproved: fig(25), PercentWorse: fig(25)})
	all := OutcomeFigures(Facts{Scores: scores}, from, to)
	if len(all.Measures) != len(domain.Measures()) {
		t.Errorf("outcomes list %d measures, want every one (%d)", len(all.Measures), len(domain.Measures()))
	}
	for _, m := range all.Measures {
		if m.Measure == "swemwbs" && (m.People != 1 || *m.MeanChange != 5) {
			t.Errorf("SWEMWBS %+v, want 1 person, +5", m)
		}
	}
}

// GP registration by release day, of the cases first released in October 2026.
func TestGPRegisteredByRelease(t *testing.T) {
	rel := func(id int64, on string) Case { return Case{ID: id, Release: domain.CaseRelease{Actual: day(on)}} }
	gp := func(caseID int64, p domain.TimePoint, yes domain.YesNo, on string) domain.TransitionOutcome {
		return domain.TransitionOutcome{CaseID: caseID, Point: p, GPRegistered: yes, GPRegisteredOn: day(on)}
	}
	f := Facts{
		Cases: []Case{rel(1, "2026-10-05"), rel(2, "2026-10-06"), rel(3, "2026-10-07"), rel(4, "2026-10-08"),
			rel(5, "2026-10-09"), rel(6, "2026-09-30")},
		Transitions: []domain.TransitionOutcome{
			gp(1, domain.PointRelease, domain.Yes, "2026-10-01"), // before release: yes
			gp(2, domain.PointRelease, domain.Yes, ""),           // yes, no day: yes
			gp(3, domain.PointRelease, domain.Yes, "2026-10-20"), // after release: not by release day
			gp(4, domain.PointRelease, domain.No, ""),
			gp(4, domain.PointRelease, domain.Yes, "2026-10-08"), // a later record stands: yes on the day
			gp(6, domain.PointRelease, domain.Yes, ""),           // released in September
			// case 5: nothing recorded
		},
	}
	// Released 5; recorded 4; registered by release day 3 (cases 1, 2, 4): 75%.
	same(t, "GP", GPRegisteredByRelease(f, day("2026-10-01"), day("2026-10-31")),
		GPRegistration{Released: 5, Recorded: 4, Registered: 3, Percent: fig(75), NotRecorded: 1})
}
