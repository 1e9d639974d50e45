package palette

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func items() []Item {
	return []Item{
		{Key: "enter", Desc: "open"},
		{Key: "s", Desc: "sign the draft", Why: "the note is signed already"},
		{Key: "/", Desc: "filter"},
		{Desc: "Go to Referral queue", Hint: "r on Today"},
		{Desc: "Go to Audit log", Hint: "a on Today", Why: "a lead's screen"},
	}
}

func open(w, h int) *Model {
	m := New(common.NewTheme(true), items())
	m.SetSize(w, h)
	return m
}

func typed(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func descs(its []Item) []string {
	out := make([]string, len(its))
	for i, it := range its {
		out[i] = it.Desc
	}
	return out
}

// What is typed narrows the items, best match first; letters are typed, never moves.
func TestPaletteFilters(t *testing.T) {
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"open", "sign the draft", "filter", "Go to Referral queue", "Go to Audit log"}},
		{"queue", []string{"Go to Referral queue"}},
		{"rq", []string{"Go to Referral queue"}},
		{"j", nil},        // j is a letter here, and nothing holds one
		{"on today", nil}, // where a key works is shown, not matched
		{"/", []string{"filter"}},
		{"e", []string{"open", "sign the draft", "filter", "Go to Referral queue"}},
		{"r", []string{"Go to Referral queue", "open", "sign the draft", "filter"}},
		{"SIGN", []string{"sign the draft"}},
	} {
		m := open(80, 24)
		typed(m, c.query)
		if got := descs(m.Shown()); len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%q: shown %v, want %v", c.query, got, c.want)
		}
	}
}

// Typing an item's whole key puts it first, before every line that holds that letter
// in a word's start.
func TestPaletteExactKeyFirst(t *testing.T) {
	m := New(common.NewTheme(true), []Item{{Key: "g", Desc: "go to top"}, {Key: "d", Desc: "compare"}})
	m.SetSize(80, 24)
	typed(m, "d")
	if got := descs(m.Shown()); len(got) != 1 || got[0] != "compare" {
		t.Fatalf("d: %v", got)
	}
	m = New(common.NewTheme(true), []Item{{Key: "t", Desc: "go to top"}, {Key: "g", Desc: "transition outcomes"}})
	m.SetSize(80, 24)
	typed(m, "g")
	if got := descs(m.Shown()); len(got) != 2 || got[0] != "transition outcomes" {
		t.Fatalf("g: %v", got)
	}
}

// enter returns the live item under the cursor; on one not possible now, nothing runs
// and the palette stays; esc closes with nothing chosen.
func TestPaletteChooses(t *testing.T) {
	for _, c := range []struct {
		name, keys string
		chosen     int
		done       bool
	}{
		{"first", "enter", 0, true},
		{"moved down twice", "down down enter", 2, true},
		{"ctrl+n moves too", "ctrl+n ctrl+n ctrl+p ctrl+n enter", 2, true},
		{"dimmed", "down enter", -1, false},
		{"esc", "down esc", -1, true},
		{"past the end", "pgdown pgdown enter", -1, false}, // the lead's place, dimmed
	} {
		m := open(80, 24)
		var chosen int
		var done bool
		for _, k := range strings.Fields(c.keys) {
			chosen, done = m.Update(tuitest.Key(k))
		}
		if chosen != c.chosen || done != c.done {
			t.Errorf("%s: chosen %d done %v, want %d %v", c.name, chosen, done, c.chosen, c.done)
		}
	}
}

// The palette draws exactly the size it is given, from the smallest window the app
// allows to a wide one, whatever is typed.
func TestPaletteFits(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 5}, {40, 9}, {80, 21}, {200, 57}} {
		for _, q := range []string{"", "audit", "zzz"} {
			m := open(s.w, s.h)
			typed(m, q)
			tuitest.AssertFits(t, m.View(), s.w, s.h)
		}
	}
}
