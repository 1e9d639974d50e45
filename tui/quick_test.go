package tui

import (
	"strings"
	"testing"
)

// Quicker screening: a referral not on Today is reached from home in `r / minh enter`,
// one enter, since enter on a filter that matches one row opens it; esc comes back to
// the queue with the filter kept. On every list the same holds (the lists' own tests:
// caseload, countdowns, forums, closed cases, team, search, the audit log, a case's notes).
func TestFilterOneMatchOpensWithOneEnter(t *testing.T) {
	d := driveHome(t, 100, 30)
	d.Keys("r /").Type("minh").Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "Referral · Minh Nguyễn") {
		t.Fatalf("r / minh enter did not open Minh's referral:\n%s", s)
	}
	d.Keys("esc")
	if s := d.Screen(); !strings.Contains(s, "Referral queue") || !strings.Contains(s, "/ minh  1 of 40 match") {
		t.Fatalf("esc did not come back to the filtered queue:\n%s", s)
	}
	// With two matches enter only keeps the filter: which to open is the person's choice.
	d.Keys("esc / o")
	if s := d.Screen(); strings.Contains(s, "Referral ·") {
		t.Fatalf("a filter still being typed opened a referral:\n%s", s)
	}
	d.Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "Referral queue") || !strings.Contains(s, "esc clears") {
		t.Fatalf("enter on many matches did not keep the filter:\n%s", s)
	}
}
