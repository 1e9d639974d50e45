package countdowns

import (
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/component/pathbar"
)

// tone is how a countdown is marked beside its words; the words always say it too.
type tone int

const (
	plain     tone = iota
	uncertain      // no release date, or only a parole eligibility date
	dueToday       // the discharge is due today
	alarm          // the discharge is overdue, or the person is recalled
)

// row is one case as the screen shows it, worked out when the data or the day changes,
// never while drawing.
type row struct {
	caseID      int64
	clinicianID int64
	name        string
	clinician   string // "unallocated" when no one holds the case
	countdown   string
	tone        tone
	pathway     domain.Pathway
	release     domain.CaseRelease // handed to the release form as the screen read it
	bar         string             // drawn to the bar column's width
	// haystack is the name as the filter searches it, folded as domain.FoldForSearch
	// folds what is typed.
	haystack string
}

// buildRows prepares the rows in the countdowns' order.
func buildRows(cds []domain.Countdown) []row {
	rows := make([]row, len(cds))
	for i, cd := range cds {
		c := cd.Case
		rows[i] = row{
			caseID:      c.CaseID,
			clinicianID: c.ClinicianID,
			name:        c.Person.Name(),
			clinician:   c.Clinician,
			countdown:   cd.Pathway.Countdown,
			tone:        toneOf(cd.Pathway),
			pathway:     cd.Pathway,
			release:     c.Release,
			haystack:    domain.FoldForSearch(c.Person.Name()),
		}
		if c.ClinicianID == 0 || c.Clinician == "" {
			rows[i].clinician = "unallocated"
		}
	}
	return rows
}

func toneOf(p domain.Pathway) tone {
	switch p.Phase {
	case domain.PhaseDischargeOverdue, domain.PhaseRecalled, domain.PhaseReleaseUnconfirmed:
		return alarm
	case domain.PhaseDischargeDue:
		return dueToday
	case domain.PhaseReleaseUnknown:
		return uncertain
	}
	// A parole eligibility date is counted down but may well not be the release.
	if p.Earliest {
		return uncertain
	}
	return plain
}

// drawBars draws every row's pathway width cells wide, on today. A case with no
// release date gets no bar: its countdown already says the date is unknown.
func drawBars(rows []row, today ident.Date, width int) {
	for i := range rows {
		rows[i].bar = ""
		if !rows[i].pathway.ReleaseDate.IsZero() {
			rows[i].bar = pathbar.Bar(rows[i].pathway, today, width)
		}
	}
}
