package tuitest

import (
	"fmt"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// failures records what a check reports instead of failing the test.
type failures struct {
	testing.TB
	errs []string
}

func (f *failures) Helper() {}

func (f *failures) Errorf(format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func TestAssertFits(t *testing.T) {
	for _, c := range []struct {
		screen        string
		exact, atMost int // failures of each
	}{
		{"abc\ndéf", 0, 0},
		{"abc", 1, 0},       // one line short
		{"abc\nd\ne", 1, 1}, // one line over
		{"abcd\nd", 1, 1},   // one line too wide
		{"界界\nd", 1, 1},     // wide runes count two cells
		{"界界\nd\ne", 2, 2},  // too wide and too tall
	} {
		exact, atMost := &failures{TB: t}, &failures{TB: t}
		AssertFits(exact, c.screen, 3, 2)
		AssertFitsAtMost(atMost, c.screen, 3, 2)
		if len(exact.errs) != c.exact || len(atMost.errs) != c.atMost {
			t.Errorf("%q in 3×2: AssertFits said %q, AssertFitsAtMost %q", c.screen, exact.errs, atMost.errs)
		}
	}
}

func TestRows(t *testing.T) {
	got := Rows("Title\nHeadings\n  one\n› two\nfoot\n  three")
	if want := []string{"  one", "› two", "  three"}; !slices.Equal(got, want) {
		t.Errorf("Rows = %q, want %q", got, want)
	}
	if got := Rows("  a\n  b"); got != nil {
		t.Errorf("Rows of headings only = %q", got)
	}
}

func TestWantTold(t *testing.T) {
	h := &Host{Seen: []tea.Msg{1, "x", 2, 3}}
	for _, c := range []struct {
		msgs []tea.Msg
		fail bool
	}{{[]tea.Msg{1, 2, 3}, false}, {[]tea.Msg{1, 3}, false}, {nil, false}, {[]tea.Msg{3, 1}, true}, {[]tea.Msg{4}, true}} {
		f := &failures{TB: t}
		h.WantTold(f, c.msgs...)
		if (len(f.errs) > 0) != c.fail {
			t.Errorf("WantTold%v on %v: %q", c.msgs, h.Seen, f.errs)
		}
	}
}
