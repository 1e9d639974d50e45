package reports

import (
	"fmt"
	"strings"
	"testing"

	"caseload/tui/tuitest"
)

// The report says its period, then the section at the top of the scroll with its
// figures as sentences and no chart; scrolling to the foot says the last section, a
// lead's by clinician.
func TestReportsSpeech(t *testing.T) {
	st, me := demo(t, amara)
	com := tuitest.Session(testNow, me)
	com.Accessible = true // page down and up move a section at a time
	d, h := tuitest.Open(t, New(com, st), 100, 30)
	lines := tuitest.Speech(t, h.Screen)
	tuitest.Says(t, lines, "Reports for 1 Jan 2026 to 3 Dec 2026, the last 12 months.",
		"Section 1 of 9: At a glance.", "Referrals received: ", "Keys: page down and page up move a section at a time")
	d.Keys("G")
	lines = tuitest.Speech(t, h.Screen)
	tuitest.Says(t, lines, "Section 9 of 9: By clinician.", tom+": Open at the end ")
	d.Keys("pgup")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Section 8 of 9: Outcomes.")
	d.Keys("g")
	for i := 2; i <= 9; i++ {
		d.Keys("pgdown")
		lines = tuitest.Speech(t, h.Screen)
		if want := fmt.Sprintf("Section %d of 9: ", i); !strings.HasPrefix(lines[1], want) {
			t.Errorf("page down said %q, want %q", lines[1], want)
		}
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "▁▂▃▄▅▆▇█") || strings.Contains(l, "  ") {
			t.Errorf("a chart or a table's spacing is said: %q", l)
		}
	}
}
