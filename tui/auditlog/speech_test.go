package auditlog

import (
	"slices"
	"strings"
	"testing"

	"caseload/tui/tuitest"
)

// The log says its filters and how many entries are read, the entry under the cursor in
// words, a filter being typed once as it opens, and what the filters leave.
func TestAuditLogSpeech(t *testing.T) {
	l := fixture(t)
	d, m, _ := l.open(t, 120, 40)
	tuitest.Says(t, tuitest.Speech(t, m), "Audit log: Every entry, newest first, ",
		"1 of ", "Keys: p by person, c by clinician, d by day, x clear filters,")
	d.Keys("j")
	tuitest.Says(t, tuitest.Speech(t, m), "2 of ")
	d.Keys("c")
	before := tuitest.Speech(t, m)
	tuitest.Says(t, before, "Filter by clinician: type a name; empty. Enter applies it, escape cancels.")
	for _, k := range []string{"h", "a", "l"} {
		d.Type(k)
		if got := tuitest.Speech(t, m); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	d.Type("liwell").Keys("enter")
	lines := tuitest.Speech(t, m)
	tuitest.Says(t, lines, "Audit log: Entries by Dr Tom Halliwell, newest first, ", "1 of ")
	if !strings.Contains(lines[1], ", Dr Tom Halliwell, ") || !strings.Contains(lines[1], "2026") {
		t.Errorf("the entry is not said in words: %q", lines[1])
	}
}
