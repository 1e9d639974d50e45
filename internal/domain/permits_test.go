package domain

import "testing"

// The table decides by exact action first, then by family; an action it does not know
// is nobody's; the refusal names the person, their access, what and who may.
// (Every action the store writes is decided in store's TestPermitsDecidesEveryAction.)
func TestPermits(t *testing.T) {
	for _, c := range []struct {
		action               string
		lead, clinician, adm bool
	}{
		{"referral.viewed", true, true, false}, // a new clinical action takes its family's rule
		{"case.imported", true, false, false},  // the exact row before its family
		{"clinician.key_added", true, false, true},
		{"clinician.renamed", true, false, false},
		{"database.backed_up", true, false, true},
		{"database.created", false, false, false},
		{"session.started", true, true, true},
		{"search.run", true, true, false},
		{"patient.merged", false, false, false}, // undecided: nobody's
		{"referral", false, false, false},       // not an action
	} {
		for a, want := range map[Access]bool{AccessLead: c.lead, AccessClinician: c.clinician, AccessAdmin: c.adm} {
			if got := Permits(a, c.action); got != want {
				t.Errorf("Permits(%s, %s) = %v, want %v", a, c.action, got, want)
			}
		}
	}
	if Decided("patient.merged") || !Decided("note.signed") {
		t.Error("Decided does not follow the table")
	}
	for _, c := range []struct{ name, action, want string }{
		{"Ivy IT", "note.signed", "Ivy IT (admin) may not change clinical records: a lead or a clinician may."},
		{"Ivy IT", "setting.changed", "Ivy IT (admin) may not change the service's settings: only a lead may."},
		{"Ivy IT", "search.run", "Ivy IT (admin) may not search clinical records: a lead or a clinician may."},
		{"Ivy IT", "patient.merged", "Ivy IT (admin) may not make a change caseload has not assigned to anyone (patient.merged)."},
	} {
		if got := Refusal(c.name, AccessAdmin, c.action); got != c.want {
			t.Errorf("Refusal(%s) = %q, want %q", c.action, got, c.want)
		}
	}
}
