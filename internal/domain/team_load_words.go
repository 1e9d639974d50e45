package domain

import "fmt"

// Who is the load's clinician as the Team screen and `caseload team` name them: the
// cases nobody holds are "unallocated".
func (l ClinicianLoad) Who() string {
	switch {
	case l.Clinician.ID == teamUnallocatedID:
		return "unallocated"
	case l.Clinician.Name == "":
		return fmt.Sprintf("clinician %d", l.Clinician.ID)
	}
	return l.Clinician.Name
}

// Unallocated reports whether the load is the cases nobody holds.
func (l ClinicianLoad) Unallocated() bool { return l.Clinician.ID == teamUnallocatedID }

// Standing is what a lead must see about the load in words, never by colour alone
// (docs/RULES.md, "Caseload sizes"): cases nobody holds, a deactivated clinician still
// holding cases, more open cases than the cap, or exactly the cap (the next allocation
// warns). "" when none of these. Short, to keep its column on a narrow screen.
func (l ClinicianLoad) Standing() string {
	switch {
	case l.Unallocated():
		return "to allocate"
	case !l.Clinician.Active && l.Open > 0:
		return "left: hand over"
	case !l.Clinician.Active:
		return "deactivated"
	case l.OverCap():
		return fmt.Sprintf("over the cap by %d", l.Open-l.Cap)
	case l.Cap > 0 && l.Open == l.Cap:
		return "at the cap"
	}
	return ""
}

// Alarming reports whether Standing is a problem to act on (marked ⚠), not only a
// fact: at the cap is not.
func (l ClinicianLoad) Alarming() bool {
	return l.Unallocated() || (!l.Clinician.Active && l.Open > 0) || l.OverCap()
}
