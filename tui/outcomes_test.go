package tui

import (
	"strings"
	"testing"
)

// Through the root: on a case's Outcomes tab t opens the measure form, whose signed
// score is back on the tab; g and v open the transition and HCR-20 forms, and esc esc
// leaves each with nothing saved.
func TestOutcomesThroughTheRoot(t *testing.T) {
	st, d, caseID := oneCase(t, 120, 40)
	d.Keys("enter 8")
	if !strings.Contains(d.Screen(), "No measure recorded yet: t records one.") {
		t.Fatalf("not on the Outcomes tab:\n%s", d.Screen())
	}
	d.Keys("t")
	if !strings.Contains(d.Screen(), "Record a measure · ") {
		t.Fatalf("t did not open the measure form:\n%s", d.Screen())
	}
	d.Keys("enter enter enter")
	for range 10 {
		d.Type("2").Keys("enter")
	}
	d.Keys("y")
	s := d.Screen()
	if !strings.Contains(s, "at acceptance") || !strings.Contains(s, "20  moderate-to-severe, clinical range") {
		t.Fatalf("the signed score is not on the tab:\n%s", s)
	}
	scores, err := st.MeasureScores(t.Context(), caseID)
	if err != nil || len(scores) != 1 {
		t.Fatalf("recorded %v, %v", scores, err)
	}
	for key, title := range map[string]string{"g": "Transition outcomes · ", "v": "HCR-20 V3 summary judgement · ", "f": "Correct a measure · "} {
		d.Keys(key)
		if !strings.Contains(d.Screen(), title) {
			t.Fatalf("%s did not open %q:\n%s", key, title, d.Screen())
		}
		d.Keys("esc esc")
		if !strings.Contains(d.Screen(), "8 Outcomes") {
			t.Fatalf("esc esc did not leave %q:\n%s", title, d.Screen())
		}
	}
}
