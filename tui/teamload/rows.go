package teamload

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
)

// row is one clinician's load as the screen shows it, worked out when the data arrives,
// never while drawing.
type row struct {
	id       int64  // the clinician; 0 for the cases nobody holds
	name     string // "unallocated" for the cases nobody holds
	open     string // "5 of 8"; the count alone where no cap applies
	phases   [5]int // in domain.LoadPhases order
	cap      int    // the team's caseload cap
	drafts   int
	reports  int
	standing string // over the cap, left, to allocate, at the cap: words, with ⚠ when alarming
	alarming bool
	left     bool
	detail   string // the row in full words, for the foot
}

// buildRows prepares the rows in the order domain.TeamLoad gives.
func buildRows(loads []domain.ClinicianLoad) []row {
	rows := make([]row, len(loads))
	for i, l := range loads {
		r := row{id: l.Clinician.ID, name: l.Who(), cap: l.Cap, drafts: l.Drafts, reports: l.Reports, alarming: l.Alarming(),
			left: !l.Unallocated() && !l.Clinician.Active, standing: l.Standing(), open: fmt.Sprint(l.Open)}
		for p, lp := range domain.LoadPhases {
			r.phases[p] = l.ByPhase[lp.Phase]
		}
		// A cap is a clinician's: the cases nobody holds, and a clinician who has left,
		// are counted, not held against it.
		if !l.Unallocated() && l.Clinician.Active && l.Cap > 0 {
			r.open = fmt.Sprintf("%d of %d", l.Open, l.Cap)
		}
		if r.alarming {
			r.standing = "⚠ " + r.standing
		}
		r.detail = detail(l, r)
		rows[i] = r
	}
	return rows
}

// detail is a load in full words: who, how many against the cap, their standing, each
// phase by its name, drafts and reports.
func detail(l domain.ClinicianLoad, r row) string {
	var b strings.Builder
	switch {
	case l.Unallocated():
		fmt.Fprintf(&b, "Unallocated: %s nobody holds", cases(l.Open))
	case r.left:
		fmt.Fprintf(&b, "%s (deactivated) still holds %s", r.name, cases(l.Open))
	default:
		fmt.Fprintf(&b, "%s holds %s; the cap is %d", r.name, cases(l.Open), l.Cap)
	}
	if r.standing != "" {
		b.WriteString(": " + r.standing)
	}
	b.WriteString(". ")
	parts := make([]string, len(domain.LoadPhases))
	for p, lp := range domain.LoadPhases {
		parts[p] = fmt.Sprintf("%s %d", lp.Title, r.phases[p])
	}
	b.WriteString(strings.ToUpper(parts[0][:1]) + strings.Join(parts, " · ")[1:])
	fmt.Fprintf(&b, ". %s · %s due this week or overdue.", plural(l.Drafts, "unsigned draft"), plural(l.Reports, "forum report"))
	return b.String()
}

// cases is "1 open case" or "3 open cases".
func cases(n int) string { return plural(n, "open case") }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
