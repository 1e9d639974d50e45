package tui

import (
	"caseload/internal/testdb"
	"math/rand/v2"
	"testing"

	"caseload/tui/tuitest"
)

// TestRandomKeysNeverBreakTheFrame presses random keys on every screen, at random
// sizes, and checks after each that the app has not panicked and still draws exactly
// into the window. The seed is fixed, so a failure replays.
func TestRandomKeysNeverBreakTheFrame(t *testing.T) {
	keys := []string{"j", "k", "g", "G", "enter", "esc", "esc", "/", "n", "?", "tab", "shift+tab",
		"backspace", "up", "down", "pgup", "pgdown", "space", "a", "Z", "9", "é", "ي", "😀", "ctrl+u", "left", "right",
		"c", "1", "2", "3", "4", "h", "d", "e", "s", "y", "ctrl+f", "ctrl+s"}
	sizes := [][2]int{{20, 5}, {40, 8}, {63, 17}, {80, 24}, {133, 41}}
	st := testdb.Demo(t, testNow)
	r := rand.New(rand.NewPCG(24, 11))
	runs := 40
	if testing.Short() {
		runs = 5
	}
	for run := range runs {
		size := sizes[r.IntN(len(sizes))]
		d := tuitest.New(t, newApp(t, st), size[0], size[1])
		var pressed []string
		for range 60 {
			k := keys[r.IntN(len(keys))]
			pressed = append(pressed, k)
			d.Keys(k)
			if r.IntN(15) == 0 {
				size = sizes[r.IntN(len(sizes))]
				d.Send(resize(size[0], size[1]))
			}
			if t.Failed() {
				t.Fatalf("run %d after keys %v", run, pressed)
			}
			tuitest.AssertFits(t, d.Screen(), size[0], size[1])
			if t.Failed() {
				t.Fatalf("run %d: frame does not fit %dx%d after keys %v", run, size[0], size[1], pressed)
			}
		}
	}
}
