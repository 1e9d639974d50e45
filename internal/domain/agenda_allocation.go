package domain

import "caseload/internal/ident"

// allocationItems are, for a lead only, the open cases no clinician holds and those
// whose clinician has been deactivated (docs/RULES.md, "Caseload sizes"): nobody is
// working such a case, and nothing else on Today says so. They stay until a lead hands
// the case over. In name order, each opening the case.
func allocationItems(f AgendaFacts, today ident.Date) []AgendaItem {
	if !f.ReaderIsLead {
		return nil
	}
	left := map[int64]bool{}
	for _, c := range f.Clinicians {
		if !c.Active {
			left[c.ID] = true
		}
	}
	why := map[int64]string{}
	var on []caseOn
	for _, c := range f.Cases {
		switch {
		case c.ClinicianID == 0:
			why[c.CaseID] = "unallocated"
		case left[c.ClinicianID]:
			why[c.CaseID] = "needs a new clinician: " + orUnnamed(c.Clinician) + " has left"
		default:
			continue
		}
		on = append(on, caseOn{c: c})
	}
	// No one is the reader's own here: a lead's own case is never unallocated.
	return caseItems(on, AgendaAllocation, 0, "", func(o caseOn) (string, bool) { return why[o.c.CaseID], false })
}

// orUnnamed is a clinician's name, never blank.
func orUnnamed(name string) string {
	if name == "" {
		return "their clinician"
	}
	return name
}
