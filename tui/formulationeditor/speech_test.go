package formulationeditor

import (
	"slices"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// The editor says the section being written and its text on arrival, nothing new as a
// letter is typed, and a conflict with its choices.
func TestFormulationEditorSpeech(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	a, ha := window(t, c)
	before := tuitest.Speech(t, ha.Screen)
	tuitest.Says(t, before, "Formulation, draft version 1: tab and shift tab move between the 14 sections",
		"Not saved yet:", "Section 1 of 14, Presenting, of the 5 Ps: the problems as they show now; empty.")
	for _, k := range []string{"a", "b", "c"} {
		a.Type(k)
		if got := tuitest.Speech(t, ha.Screen); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	a.Keys("tab")
	tuitest.Says(t, tuitest.Speech(t, ha.Screen), "Section 2 of 14, Predisposing, of the 5 Ps: vulnerabilities and history; empty.")
	a.Keys("shift+tab ctrl+s")
	tuitest.Says(t, tuitest.Speech(t, ha.Screen), "Draft saved;", "Section 1 of 14, Presenting, of the 5 Ps: the problems as they show now; it says: abc.")

	b, hb := window(t, c)
	a.Type(" Sleeping badly.").Keys("ctrl+s")
	b.Type(" Angry.").Keys("ctrl+s")
	tuitest.Says(t, tuitest.Speech(t, hb.Screen), "Dr Tom Halliwell saved a newer version of this formulation draft at ",
		"Choose: control k keep mine as a new draft,")
}
