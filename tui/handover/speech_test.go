package handover

import (
	"slices"
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// The handover says the clinician under the cursor with their load, the note's field on
// arrival and nothing new as a letter is typed, the refusal over the cap, and the
// confirmation.
func TestHandoverSpeech(t *testing.T) {
	st, s := demoCase(t)
	m, d, _ := form(t, st, testdb.Clinician(t, st, amara), s, 100, 30)
	tuitest.Says(t, tuitest.Speech(t, m), "Hand over the case of "+s.Referral.Person.Name()+", held now by "+niamh,
		"Field 1 of 2, To: up and down choose among", "1 of ")
	pick(t, m, d, tom)
	tuitest.Says(t, tuitest.Speech(t, m), "Field 1 of 3, To:")
	if l := tuitest.Speech(t, m); !slices.ContainsFunc(l, func(s string) bool {
		return strings.Contains(s, tom+", ") && strings.HasSuffix(s, " the cap: handing over needs a reason.")
	}) {
		t.Errorf("the clinician at the cap is not said so: %q", l)
	}
	d.Keys("tab")
	before := tuitest.Speech(t, m)
	tuitest.Says(t, before, "Field 2 of 3, Handover note, text, several lines; empty. What the new clinician needs to know")
	for _, k := range []string{"a", "b", "c"} {
		d.Type(k)
		if got := tuitest.Speech(t, m); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	d.Keys("ctrl+g")
	tuitest.Says(t, tuitest.Speech(t, m), "Reason: "+tom+" holds ", "Field 3 of 3, Over the cap: the reason, text; empty. Why one more case")
	d.Type("Fewer visits this month.").Keys("ctrl+g")
	tuitest.Says(t, tuitest.Speech(t, m), "Hand the case of "+s.Referral.Person.Name()+" over to "+tom+"?",
		"Press y to sign and hand over, or n or escape to cancel.")
}
