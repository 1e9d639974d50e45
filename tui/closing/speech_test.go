package closing

import (
	"slices"
	"testing"

	"caseload/internal/domain"

	"caseload/tui/tuitest"
)

// The closing form says the focused field and, on arrival, its text; nothing new as a
// letter is typed; a refusal with its field; and the confirmation that closes the case.
func TestClosingSpeech(t *testing.T) {
	_, m, d, _ := form(t, 100, 30)
	tuitest.Says(t, tuitest.Speech(t, m), "Closing the case of Aoife Brennan: tab and shift tab move",
		"Not saved yet:", "Field 2 of 7, Reason for closing: a choice of support completed,", "Reason: none chosen.")
	d.Keys("ctrl+g")
	tuitest.Says(t, tuitest.Speech(t, m), "Reason: The case cannot be closed so: \"\" is not a reason for closing a case")
	d.Keys("right right right")
	tuitest.Says(t, tuitest.Speech(t, m), "Field 2 of 8, ", "Reason: transferred")
	d.Keys("tab")
	before := tuitest.Speech(t, m)
	tuitest.Says(t, before, "Field 3 of 8, Transferred to; text; empty.")
	for _, k := range []string{"a", "b", "c"} {
		d.Type(k)
		if got := tuitest.Speech(t, m); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	d.Keys("tab")
	tuitest.Says(t, tuitest.Speech(t, m), "Field 4 of 8, The work done, part 1 of 5 of the discharge summary: what was offered")
	for _, p := range domain.DischargeParts {
		m.parts[p.ID] = p.Title + " written."
	}
	d.Keys("ctrl+g")
	tuitest.Says(t, tuitest.Speech(t, m), "Sign the discharge summary and close the case of Aoife Brennan?",
		"Press y to sign and close the case, or n or escape to cancel.")
}
