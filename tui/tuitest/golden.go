package tuitest

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/tui/common"
)

// Size is a window's width and height.
type Size [2]int

// Fits is a check that a frame fits a w×h window: AssertFits or AssertFitsAtMost.
type Fits func(t testing.TB, screen string, w, h int)

// Golden opens a fresh screen from newScreen at each size, in a subtest named by the
// size, checks its loaded frame with fits, and compares it with the golden file
// testdata/<test>/<w>x<h>.golden.
func Golden(t *testing.T, fits Fits, newScreen func() common.Screen, sizes []Size) {
	t.Helper()
	for _, s := range sizes {
		t.Run(SizeName(s[0], s[1]), func(t *testing.T) {
			d, _ := Open(t, newScreen(), s[0], s[1])
			screen := d.Screen()
			fits(t, screen, s[0], s[1])
			golden.RequireEqual(t, screen)
		})
	}
}

// EverySize opens a fresh screen from newScreen at each size for each path of keys, in
// a subtest named path/<w>x<h>, presses the path's keys, and runs every check on the
// frame.
func EverySize(t *testing.T, paths map[string]string, sizes []Size, newScreen func() common.Screen, checks ...Fits) {
	t.Helper()
	for name, keys := range paths {
		for _, s := range sizes {
			t.Run(name+"/"+SizeName(s[0], s[1]), func(t *testing.T) {
				d, _ := Open(t, newScreen(), s[0], s[1])
				d.Keys(keys)
				screen := d.Screen()
				for _, check := range checks {
					check(t, screen, s[0], s[1])
				}
			})
		}
	}
}
