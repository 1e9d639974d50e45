package main

import (
	"strings"
	"testing"
)

// --access sets what a new clinician may do; without it the role "lead" still makes a
// lead, so scripts written before access keep working; clinicians access changes it,
// audited, and refuses to leave the team without an active lead.
func TestCliniciansAccess(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Dr Lee Lead", "--role", "Lead"))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Dr Tom Halliwell", "--role", "clinical psychologist"))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Ivy Okafor", "--role", "IT", "--access", " Admin"))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Dr Ann Second", "--role", "lead", "--access", "clinician"))
	list := clinicianList(t, db)
	for i, want := range []string{"lead", "clinician", "admin", "clinician"} {
		if list[i]["access"] != want {
			t.Errorf("clinician %d access = %v, want %s", i+1, list[i]["access"], want)
		}
	}

	r := must(t, caseload(t, nil, "clinicians", "access", "--db", db, "2", "lead"))
	if r.stdout != "clinician 2, Dr Tom Halliwell, now has lead access (was clinician)\n" {
		t.Errorf("access said %q", r.stdout)
	}
	r = must(t, caseload(t, nil, "clinicians", "access", "--db", db, "2", "LEAD"))
	if r.stdout != "clinician 2, Dr Tom Halliwell, already has lead access\n" {
		t.Errorf("access again said %q", r.stdout)
	}
	must(t, caseload(t, nil, "clinicians", "access", "--db", db, "1", "clinician"))
	r = caseload(t, nil, "clinicians", "access", "--db", db, "2", "admin")
	if r.code != exitWrong || !strings.Contains(r.stderr, "Dr Tom Halliwell is the team's last active lead") {
		t.Errorf("removing the last lead: exit %d, %q", r.code, r.stderr)
	}
	if list := clinicianList(t, db); list[0]["access"] != "clinician" || list[1]["access"] != "lead" {
		t.Errorf("after: %v", list)
	}
	if v := must(t, caseload(t, nil, "verify", "--db", db)); v.stdout != "ok\n" {
		t.Errorf("verify said %q", v.stdout)
	}
}
