package tuitest

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"caseload/tui/common"
)

// Unspoken are what a screen reader reads as symbols or noise: escape codes, box
// drawing and block elements, and the marks the screens draw beside rows (as tui's
// spoken_test.go holds the whole app's transcript to).
var Unspoken = regexp.MustCompile("[\x1b\u2500-\u259f✓✗⚠›•…·]")

// Speech is s's speech (common.Speaker), held to what a screen reader can say: at least
// one line, none blank or padded, none with a mark it would read as a symbol. It fails
// the test if s is no Speaker.
func Speech(t testing.TB, s common.Screen) []string {
	t.Helper()
	sp, ok := s.(common.Speaker)
	if !ok {
		t.Fatalf("%T is not a common.Speaker", s)
	}
	lines := sp.Speech()
	if len(lines) == 0 {
		t.Errorf("%T says nothing", s)
	}
	for _, l := range lines {
		if Unspoken.MatchString(l) {
			t.Errorf("a line a screen reader would say as symbols: %q", l)
		}
		if strings.TrimSpace(l) != l || l == "" {
			t.Errorf("a blank or padded line: %q", l)
		}
	}
	return lines
}

// Says fails the test unless one of lines begins with each of want.
func Says(t testing.TB, lines []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) }) {
			t.Errorf("did not say %q; said:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}
