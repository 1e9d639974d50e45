package report

import "caseload/internal/ident"

// Build computes the report for the days from to to (both included, London days) from
// the facts (docs/RULES.md, "Reports").
func Build(f Facts, from, to ident.Date) Report {
	return Report{
		Period:          Period{From: from, To: to},
		Referrals:       Referrals{BySource: []Tally{}, ByPriorityGroup: []Tally{}, ByMonth: []MonthCount{}},
		Screening:       Screening{ByMonth: []ScreeningMonth{}},
		Decisions:       Decisions{ScreenedOutReasons: []Tally{}},
		CaseloadByMonth: []MonthCaseload{},
		Releases:        Releases{ByMonth: []MonthCount{}},
		Recalls:         Events{ByMonth: []MonthCount{}},
		Discharges:      Discharges{ByReason: []Tally{}},
		Outcomes:        Outcomes{Measures: []MeasureOutcome{}},
		ByClinician:     []ClinicianFigures{},
	}
}
