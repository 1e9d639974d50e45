package domain

import (
	"fmt"

	"caseload/internal/ident"
)

// measureItems are the outcome measures due on the reader's own open cases
// (docs/RULES.md, "When to measure"), the soonest first: "CORE-10 at release due for
// Ada Testperson", due in so many days, today, or overdue (until MeasureDueAfter days
// have passed, when it is missed). Only the case's clinician is told: a measure is
// taken by whoever holds the case.
func measureItems(f AgendaFacts, me int64, today ident.Date) []AgendaItem {
	if me == 0 {
		return nil
	}
	var mine []CaseOnPathway
	for _, c := range f.Cases {
		if c.ClinicianID == me {
			mine = append(mine, c)
		}
	}
	var out []AgendaItem
	for _, d := range MeasuresDue(mine, f.MeasuresTaken, f.MeasurePoints, today) {
		days := today.DaysUntil(d.On)
		when := "due " + inDays(days, d.On)
		if days < 0 {
			when = fmt.Sprintf("overdue by %s (%s)", plural(-days, "day"), dayDate(d.On))
		}
		out = append(out, AgendaItem{Section: AgendaMeasures, Text: d.What(), When: when, Mine: true, Urgent: days < 0,
			Open: AgendaTarget{Kind: OpenCase, ID: d.Case.CaseID, CaseID: d.Case.CaseID, Tab: "outcomes"}})
	}
	return out
}
