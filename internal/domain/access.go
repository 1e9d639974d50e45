package domain

import (
	"fmt"
	"strings"
)

// Access is what a member of the team may do in caseload, apart from their job title
// (Clinician.Role): a lead manages the team (clinicians, keys, allocation) and reads the
// audit log; a clinician holds cases; an admin is IT, who looks after keys, backups and
// the server and never opens a clinical record (docs/RULES.md, "Roles").
type Access string

// The three kinds of access.
const (
	AccessLead      Access = "lead"
	AccessClinician Access = "clinician"
	AccessAdmin     Access = "admin"
)

// Accesses lists every access, in the order forms offer them.
var Accesses = []Access{AccessClinician, AccessLead, AccessAdmin}

// ParseAccess reads an access as typed (any case, spaces around); anything else is
// refused in a sentence that lists the three.
func ParseAccess(s string) (Access, error) {
	a := Access(strings.ToLower(strings.TrimSpace(s)))
	for _, ok := range Accesses {
		if a == ok {
			return a, nil
		}
	}
	return "", fmt.Errorf("%q is not an access: use clinician, lead or admin", s)
}

// Leads reports whether c is a lead of the team.
func (c Clinician) Leads() bool { return c.Access == AccessLead }

// ReadsRecords reports whether c may open a person's clinical record: everyone but IT.
func (c Clinician) ReadsRecords() bool { return c.Access != AccessAdmin }
