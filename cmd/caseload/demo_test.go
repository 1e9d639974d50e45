package main

import (
	"os"
	"strings"
	"testing"
)

func TestDemoRefusesAnExistingFileUnlessForced(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	if r := caseload(t, nil, "demo", "--db", db); r.code != exitWrong || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("demo over a database: exit %d, stderr %q", r.code, r.stderr)
	}
	must(t, caseload(t, nil, "demo", "--db", db, "--force"))
	if n := listed(t, db); n != 40 {
		t.Errorf("%d referrals after --force, want 40", n)
	}
}

// --force replaces caseload databases only, never another file at a mistyped path.
func TestDemoForceKeepsOtherFiles(t *testing.T) {
	notes := writeFile(t, "notes.txt", "my notes\n")
	r := caseload(t, nil, "demo", "--db", notes, "--force")
	if r.code != exitWrong || !strings.Contains(r.stderr, "will not replace") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b, err := os.ReadFile(notes); err != nil || string(b) != "my notes\n" {
		t.Errorf("the file was changed: %q, %v", b, err)
	}
}

// The demo is relative to the clock, and the same clock gives the same demo.
func TestDemoFollowsCaseloadNow(t *testing.T) {
	list := func(now string) string {
		db := tempDB(t)
		env := map[string]string{"CASELOAD_NOW": now}
		must(t, caseload(t, env, "demo", "--db", db))
		return must(t, caseload(t, env, "referrals", "list", "--db", db, "--format", "csv")).stdout
	}
	a, b := list("2027-03-28T00:30:00Z"), list("2027-03-28T00:30:00Z")
	if a != b {
		t.Error("two demos at the same instant differ")
	}
	if !strings.Contains(a, "2027-03-28T00:18:00Z") {
		t.Errorf("the newest referral should have arrived 12 minutes before now:\n%s", a)
	}
}
