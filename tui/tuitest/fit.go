package tuitest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// AssertFits fails unless screen is exactly the window: h lines, none wider than w
// cells.
func AssertFits(t testing.TB, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	assertWidth(t, lines, w)
}

// AssertFitsAtMost fails when a line is wider than w cells or there are more than h
// lines: for a screen tested alone, which may stop short of the window's foot (the root
// pads the frame, not the screen).
func AssertFitsAtMost(t testing.TB, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, want at most %d", len(lines), h)
	}
	assertWidth(t, lines, w)
}

func assertWidth(t testing.TB, lines []string, w int) {
	t.Helper()
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, want at most %d: %q", i+1, n, w, l)
		}
	}
}

// SizeName names a window size as subtests and golden files do: "80x24".
func SizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// Rows is the rows of a list screen: the lines below its two heading lines drawn with
// the selection marker "› " or the room for it.
func Rows(screen string) []string {
	var rows []string
	for i, l := range strings.Split(screen, "\n") {
		if i >= 2 && (strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "› ")) {
			rows = append(rows, l)
		}
	}
	return rows
}
