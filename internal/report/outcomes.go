package report

import "caseload/internal/ident"

// OutcomeFigures are the measures' change and GP registration by release day over the
// period (docs/RULES.md, "Reports").
func OutcomeFigures(f Facts, from, to ident.Date) Outcomes {
	return Outcomes{Measures: []MeasureOutcome{}, GPRegisteredRelease: GPRegisteredByRelease(f, from, to)}
}

// GPRegisteredByRelease is, of the cases whose first release is in the period, how
// many have the GP registration recorded at release, and how many of those were
// registered with a GP by the day of release.
func GPRegisteredByRelease(f Facts, from, to ident.Date) GPRegistration {
	answer := make(map[int64]string, len(f.Transitions))
	for _, t := range f.Transitions {
		if t.Point == "release" && t.GPRegistered != "" {
			answer[t.CaseID] = t.GPRegistered
		}
	}
	var out GPRegistration
	for _, c := range f.Cases {
		if !within(c.Release.Actual, from, to) {
			continue
		}
		out.Released++
		switch answer[c.ID] {
		case "yes":
			out.Recorded++
			out.Registered++
		case "no":
			out.Recorded++
		}
	}
	out.NotRecorded = out.Released - out.Recorded
	out.Percent = percent(out.Registered, out.Recorded)
	return out
}
