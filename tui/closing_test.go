package tui

import (
	"fmt"
	"strings"
	"testing"
)

// Through the root: c on a case opens its closing form; signing closes the case, which
// shows its banner and leaves the caseload list; a lead reopens it from the case (o),
// with a reason, from the closed cases (x on the list), and it is back on the list.
func TestCloseAndReopenThroughTheRoot(t *testing.T) {
	_, d, caseID := oneCase(t, 120, 40)
	person := "Aoife Brennan"
	if !strings.Contains(d.Screen(), person) {
		t.Fatalf("the case is not on the list:\n%s", d.Screen())
	}
	d.Keys("enter c")
	if !strings.Contains(d.Screen(), "Closing the case · "+person) {
		t.Fatalf("c did not open the closing form:\n%s", d.Screen())
	}
	d.Keys("right")
	for _, part := range []string{"Work.", "Formulation.", "Risk.", "Services.", "Told."} {
		d.Keys("tab").Type(part)
	}
	d.Keys("ctrl+g y")
	if s := d.Screen(); !strings.Contains(s, "CLOSED on 24 Nov 2026: support completed") || !strings.Contains(s, fmt.Sprintf("Case %d · %s", caseID, person)) {
		t.Fatalf("not back on the closed case:\n%s", s)
	}
	d.Keys("esc")
	if strings.Contains(d.Screen(), person) {
		t.Fatalf("the closed case is still on the caseload list:\n%s", d.Screen())
	}
	d.Keys("x") // the closed cases, from the caseload list
	if !strings.Contains(d.Screen(), "1 closed case") || !strings.Contains(d.Screen(), person) {
		t.Fatalf("the closed case is not among the closed cases:\n%s", d.Screen())
	}
	d.Keys("enter")
	if !strings.Contains(d.Screen(), "Who was told") {
		t.Fatalf("enter did not open the case's discharge summary:\n%s", d.Screen())
	}
	d.Keys("o").Type("Released again; the COM asks us to resume.")
	d.Keys("ctrl+g y")
	if s := d.Screen(); strings.Contains(s, "CLOSED on") || !strings.Contains(s, "is open again") {
		t.Fatalf("not reopened:\n%s", s)
	}
	d.Keys("4")
	if !strings.Contains(d.Screen(), "Case reopened by") {
		t.Errorf("the timeline lacks the reopening:\n%s", d.Screen())
	}
	d.Keys("esc")
	if strings.Contains(d.Screen(), person) {
		t.Fatalf("the reopened case is still among the closed cases:\n%s", d.Screen())
	}
	d.Keys("esc")
	if !strings.Contains(d.Screen(), person) {
		t.Fatalf("the reopened case is not back on the caseload list:\n%s", d.Screen())
	}
}
