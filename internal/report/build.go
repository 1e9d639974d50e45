package report

import "caseload/internal/ident"

// Build computes the report for the days from to to (both included, London days) from
// the facts (docs/RULES.md, "Reports"). ByClinician is filled for everyone; the
// caller shows it to a lead only.
func Build(f Facts, from, to ident.Date) Report {
	return Report{
		Period:             Period{From: from, To: to},
		Referrals:          ReferralFigures(f.Referrals, from, to),
		Screening:          ScreeningFigures(f.Referrals, from, to),
		Decisions:          DecisionFigures(f.Referrals, from, to),
		DaysToConsultation: DaysToConsultation(f.Referrals, from, to),
		CaseloadByMonth:    CaseloadByMonth(f.Cases, from, to),
		Releases:           ReleaseFigures(f.Cases, from, to),
		Recalls:            RecallFigures(f.Cases, from, to),
		Discharges:         DischargeFigures(f.Cases, from, to),
		Outcomes:           OutcomeFigures(f, from, to),
		ByClinician:        ClinicianFiguresOf(f, from, to),
	}
}
