package caseload

import (
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// Opened from the Team screen for a colleague, or for the cases nobody holds, the list
// shows only theirs, says whose, and m shows everyone's.
func TestHeldByAColleague(t *testing.T) {
	st := testdb.Demo(t, testNow)
	lead := testdb.Clinician(t, st, "Dr Amara Okonkwo-Reid")
	niamh := testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh")
	held := 0
	for _, s := range summaries(t, st) {
		if s.Case.AllocatedClinicianID == niamh.ID {
			held++
		}
	}
	for _, tt := range []struct {
		id         int64
		name, head string
		want       int
	}{
		{niamh.ID, niamh.Name, "Dr Niamh Ó Dálaigh's cases (3)", held},
		{0, "unallocated", "Cases nobody holds (1)", 1},
	} {
		d, _ := tuitest.Open(t, Held(tuitest.Session(testNow, lead), st, tt.id, tt.name), 120, 30)
		rows := tuitest.Rows(d.Screen())
		if !strings.HasPrefix(d.Screen(), tt.head) || len(rows) != tt.want || tt.want == 0 {
			t.Errorf("%s: %d rows, want %d under %q:\n%s", tt.name, len(rows), tt.want, tt.head, d.Screen())
		}
		d.Keys("m")
		if !strings.HasPrefix(d.Screen(), "Everyone's cases") || len(tuitest.Rows(d.Screen())) <= tt.want {
			t.Errorf("%s: m does not show everyone's:\n%s", tt.name, d.Screen())
		}
	}
}
