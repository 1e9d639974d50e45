package report

import (
	"cmp"
	"slices"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// OutcomeFigures are the measures' change and GP registration by release day over the
// period (docs/RULES.md, "Reports").
func OutcomeFigures(f Facts, from, to ident.Date) Outcomes {
	out := Outcomes{Measures: []MeasureOutcome{}, GPRegisteredRelease: GPRegisteredByRelease(f, from, to)}
	standing := StandingScores(f.Scores)
	for _, d := range domain.Measures() {
		out.Measures = append(out.Measures, MeasureOutcomeOf(d, standing, from, to))
	}
	return out
}

// StandingScores are the scores that stand, each case's in the order taken (the day,
// then the order recorded): a score a later correction replaced is left out.
func StandingScores(all []domain.MeasureScore) []domain.MeasureScore {
	replaced := map[int64]bool{}
	for _, s := range all {
		if s.Replaces != 0 {
			replaced[s.Replaces] = true
		}
	}
	out := make([]domain.MeasureScore, 0, len(all))
	for _, s := range all {
		if !replaced[s.ID] {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b domain.MeasureScore) int {
		return cmp.Or(cmp.Compare(a.CaseID, b.CaseID), a.TakenOn.Compare(b.TakenOn), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Pair is a case's baseline (its first standing score of a measure) and its later score
// for a report: the last taken in the period, on a later day than the baseline.
type Pair struct {
	CaseID        int64
	Baseline, Now domain.MeasureScore
}

// PairsOf are the cases with a baseline and a later score of measure d in the period,
// from standing scores in StandingScores' order.
func PairsOf(d domain.MeasureDefinition, standing []domain.MeasureScore, from, to ident.Date) []Pair {
	var out []Pair
	for i := 0; i < len(standing); {
		j := i
		var p Pair
		based, have := false, false
		for ; j < len(standing) && standing[j].CaseID == standing[i].CaseID; j++ {
			s := standing[j]
			switch {
			case s.Measure != d.ID:
			case !based:
				p.Baseline, based = s, true
			case within(s.TakenOn, from, to) && s.TakenOn.After(p.Baseline.TakenOn):
				p.Now, have = s, true
			}
		}
		if have {
			p.CaseID = p.Baseline.CaseID
			out = append(out, p)
		}
		i = j
	}
	return out
}

// MeasureOutcomeOf is one measure's change over the period: the cases with a baseline
// and a later score in the period (a person counts once per case), the mean change
// (later minus baseline, in the measure's points, so its sign reads with the measure's
// direction), and how many changed reliably for the better or worse by the measure's
// own reliable change (domain's Change).
func MeasureOutcomeOf(d domain.MeasureDefinition, standing []domain.MeasureScore, from, to ident.Date) MeasureOutcome {
	out := MeasureOutcome{Measure: d.ID, Name: d.Name}
	var deltas []float64
	for _, p := range PairsOf(d, standing, from, to) {
		c := d.Change(p.Baseline.Total(), p.Now.Total())
		deltas = append(deltas, p.Now.Total()-p.Baseline.Total())
		if c.Improved {
			out.ReliablyImproved++
		}
		if c.Worse {
			out.ReliablyWorse++
		}
	}
	out.People = len(deltas)
	out.MeanChange = mean(deltas)
	out.PercentImproved = percent(out.ReliablyImproved, out.People)
	out.PercentWorse = percent(out.ReliablyWorse, out.People)
	return out
}

// GPRegisteredByRelease is, of the cases whose first release is in the period, how
// many have GP registration recorded at release (the last record at that point
// stands), and how many were registered by the day of release: yes, with no day given
// or a day on or before the release.
func GPRegisteredByRelease(f Facts, from, to ident.Date) GPRegistration {
	last := make(map[int64]domain.TransitionOutcome, len(f.Transitions))
	for _, t := range f.Transitions {
		if t.Point == domain.PointRelease && t.GPRegistered != "" {
			last[t.CaseID] = t
		}
	}
	var out GPRegistration
	for _, c := range f.Cases {
		rel := c.Release.Actual
		if !within(rel, from, to) {
			continue
		}
		out.Released++
		t, ok := last[c.ID]
		if !ok {
			continue
		}
		out.Recorded++
		if t.GPRegistered == domain.Yes && !t.GPRegisteredOn.After(rel) {
			out.Registered++
		}
	}
	out.NotRecorded = out.Released - out.Recorded
	out.Percent = percent(out.Registered, out.Recorded)
	return out
}
