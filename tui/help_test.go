package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/tui/tuitest"
)

// Help on the referral queue at the three sizes the app is tried at: one key a line, in
// the screen's groups, with where the reader is when they do not all fit.
func TestHelpGolden(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 12}, {80, 24}, {200, 60}} {
		t.Run(tuitest.SizeName(s.w, s.h), func(t *testing.T) {
			d := drive(t, s.w, s.h).Keys("?")
			screen := d.Screen()
			tuitest.AssertFits(t, screen, s.w, s.h)
			golden.RequireEqual(t, screen)
		})
	}
}

// At 40x12 the help does not fit: the movement keys of every list scroll it to its last
// key and back, and it never draws past the window.
func TestHelpScrolls(t *testing.T) {
	for _, c := range []struct {
		keys     string
		shows    string
		notShown string
	}{
		{"", "up", "quit now"},
		{"G", "quit now", "page up"},
		{"G g", "up", "quit now"},
		{"pgdown pgdown pgdown pgdown", "quit now", "page up"},
		{"j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j", "quit now", "page up"},
		{"G k k k k k k k k k k k k k k k k k k k k k k k k k k k k", "up", "quit now"},
		{"down down up", "down", "quit now"},
	} {
		d := drive(t, 40, 12).Keys("?")
		if c.keys != "" {
			d.Keys(c.keys)
		}
		s := d.Screen()
		tuitest.AssertFits(t, s, 40, 12)
		if !strings.Contains(s, c.shows) || strings.Contains(s, c.notShown) {
			t.Errorf("after %q: want %q and not %q:\n%s", c.keys, c.shows, c.notShown, s)
		}
	}
}

// `/` filters the help as it filters lists: letters (j and k, q and ? too) are typed,
// esc clears the filter, the next esc closes the help.
func TestHelpFilters(t *testing.T) {
	d := drive(t, 80, 24).Keys("? /").Type("filter")
	s := d.Screen()
	if !strings.Contains(s, "keep filter") || strings.Contains(s, "page up") || !strings.Contains(s, "3 of") {
		t.Fatalf("the help is not narrowed to the filter's keys:\n%s", s)
	}
	d.Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "esc clears") {
		t.Fatalf("enter did not keep the filter:\n%s", s)
	}
	d.Keys("esc")
	if s := d.Screen(); !strings.Contains(s, "page up") || !strings.Contains(s, "close help") {
		t.Fatalf("esc did not clear the filter and keep the help:\n%s", s)
	}
	d.Keys("/").Type("q?jk").Keys("esc esc")
	if s := d.Screen(); !strings.Contains(s, "caseload · Referral queue") || strings.Contains(s, "close help") {
		t.Fatalf("typing q and ? in the filter closed the help, or esc esc did not:\n%s", s)
	}
}

// Help lists only what works: a disabled key or one with no help is left out, and a
// group left empty goes.
func TestLiveKeys(t *testing.T) {
	live := key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "live"))
	off := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "off"), key.WithDisabled())
	bare := key.NewBinding(key.WithKeys("c"))
	for _, c := range []struct {
		name   string
		groups [][]key.Binding
		want   int
	}{
		{"all live", [][]key.Binding{{live, live}}, 1},
		{"one off", [][]key.Binding{{live, off}}, 1},
		{"a group all off", [][]key.Binding{{off, bare}, {live}}, 1},
		{"nothing", [][]key.Binding{{off}}, 0},
	} {
		got := liveKeys(c.groups)
		if len(got) != c.want {
			t.Errorf("%s: %d groups, want %d", c.name, len(got), c.want)
		}
		for _, g := range got {
			for _, b := range g {
				if !b.Enabled() || b.Help().Key == "" {
					t.Errorf("%s: kept %q", c.name, b.Help().Key)
				}
			}
		}
	}
}
