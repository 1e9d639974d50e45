package domain

// Clinician is a member of the team. Everything a clinician writes or signs carries their
// ID; a clinician who leaves is deactivated, never deleted, so old records still name them.
type Clinician struct {
	ID           int64
	Name         string
	Role         string // e.g. clinical psychologist, assistant psychologist, nurse, lead
	Registration string // HCPC or NMC number; empty where the role has none
	OSUser       string // the operating-system account bound to this clinician, if any
	Active       bool
	// Access is what they may do in caseload (lead, clinician, admin); empty is a
	// clinician's.
	Access Access
}
