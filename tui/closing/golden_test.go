package closing

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

var sizes = []tuitest.Size{{80, 24}, {120, 40}}

// The closing form half written: the reason chosen, its service named, two parts
// written, and ctrl+g refused for the first empty part, said under it.
func TestGoldenClosingForm(t *testing.T) {
	for _, s := range sizes {
		t.Run(tuitest.SizeName(s[0], s[1]), func(t *testing.T) {
			c := testdb.OneCase(t, testNow)
			com := tuitest.Session(testNow, c.Clinician)
			d, _ := tuitest.Open(t, New(com, c.Store, c.ID, c.Person, testNow.Add(-time.Hour)), s[0], s[1])
			d.Keys("right right right tab").Type("Forensic CMHT, Blackburn")
			d.Keys("tab").Type("Eleven sessions of schema work; a relapse prevention plan written with him.")
			d.Keys("tab").Type("Risk understood as rising with isolation and alcohol; both now addressed.")
			d.Keys("ctrl+g")
			screen := d.Screen()
			tuitest.AssertFitsAtMost(t, screen, s[0], s[1])
			golden.RequireEqual(t, screen)
		})
	}
}
