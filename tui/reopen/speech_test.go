package reopen

import (
	"slices"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// The reopening says the closing it undoes and the reason's field, nothing new as a
// letter is typed, the refusal of an empty reason, and the confirmation.
func TestReopenSpeech(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	closing := testdb.Close(t, c, testNow)
	lead := testdb.Lead(t, c, "Dr Amara Okonkwo-Reid", testNow)
	m, d, _ := reopenAs(t, c, closing, lead)
	d.Keys("ctrl+g")
	before := tuitest.Speech(t, m)
	tuitest.Says(t, before, "Reopen the case of "+c.Person+", closed on 24 Nov 2026: support completed.",
		"Say why the case is reopened", "Reason, text, several lines; empty. Why the case is reopened")
	for _, k := range []string{"a", "b", "c"} {
		d.Type(k)
		if got := tuitest.Speech(t, m); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	d.Keys("ctrl+g")
	tuitest.Says(t, tuitest.Speech(t, m), "Reopen the case of "+c.Person+"?", "Press y to reopen, or n or escape to cancel.")
}
