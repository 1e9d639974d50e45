package caseview

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The Outcomes tab at the two sizes every screen is drawn at.
func TestGoldenOutcomes(t *testing.T) {
	c := progress(t)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, func() common.Screen {
		return New(tuitest.Session(later, c.Clinician), c.Store, c.ID, TabOutcomes)
	}, []tuitest.Size{{80, 24}, {160, 50}})
}

// Without colour (NO_COLOR: the terminal keeps bold, underline and reverse, and no
// colour), the tab says everything it says in colour: the golden holds the frame as
// such a terminal gets it, and no colour is in it.
func TestGoldenOutcomesNoColour(t *testing.T) {
	c := progress(t)
	for _, s := range []tuitest.Size{{80, 24}, {160, 50}} {
		t.Run(tuitest.SizeName(s[0], s[1]), func(t *testing.T) {
			d, _ := tuitest.Open(t, New(tuitest.Session(later, c.Clinician), c.Store, c.ID, TabOutcomes), s[0], s[1])
			var b bytes.Buffer
			w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
			if _, err := w.WriteString(d.Model.View().Content); err != nil {
				t.Fatal(err)
			}
			for _, colour := range []string{"\x1b[38;", "\x1b[48;", "\x1b[3", "\x1b[9"} {
				if strings.Contains(b.String(), colour) {
					t.Fatalf("colour %q is drawn without colour", colour)
				}
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}
