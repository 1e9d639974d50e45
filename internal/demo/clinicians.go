package demo

import "caseload/internal/domain"

// Clinicians returns an invented team: a lead, two clinical psychologists, an assistant
// psychologist and a nurse. Registrations have the shapes of HCPC (PYL + 5 digits) and
// NMC (12A3456E) numbers but are made up; an assistant psychologist holds none. IDs are
// left zero for the store to assign, and no OS account is bound: that happens on first run.
func Clinicians() []domain.Clinician {
	return []domain.Clinician{
		lead:      {Name: "Dr Amara Okonkwo-Reid", Role: "lead", Registration: "PYL04721", Active: true},
		tom:       {Name: "Dr Tom Halliwell", Role: "clinical psychologist", Registration: "PYL31958", Active: true},
		niamh:     {Name: "Dr Niamh Ó Dálaigh", Role: "clinical psychologist", Registration: "PYL27703", Active: true},
		assistant: {Name: "Sanjay Mistry", Role: "assistant psychologist", Active: true},
		nurse:     {Name: "Beth Armitage", Role: "nurse", Registration: "09C4172E", Active: true},
	}
}

// Indexes into Clinicians(), for the stories.
const (
	lead = iota
	tom
	niamh
	assistant
	nurse
)
