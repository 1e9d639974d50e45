package filter

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/tuitest"
)

// step is one key and what the filter should make of it.
type step struct {
	key              string
	changed, handled bool
	value            string // after the key
	active           bool   // after the key
}

func TestUpdate(t *testing.T) {
	start := step{"/", false, true, "", true}
	tests := []struct {
		name  string
		steps []step
	}{
		{"slash starts typing", []step{start}},
		{"typing changes the query", []step{start,
			{"k", true, true, "k", true},
			{"a", true, true, "ka", true},
			{"backspace", true, true, "k", true},
		}},
		{"j and k are letters while typing", []step{start,
			{"j", true, true, "j", true},
			{"k", true, true, "jk", true},
		}},
		{"arrows move the list while typing", []step{start,
			{"a", true, true, "a", true},
			{"down", false, false, "a", true},
			{"up", false, false, "a", true},
		}},
		{"keys that leave the query alone are still typing", []step{start,
			{"a", true, true, "a", true},
			{"left", false, true, "a", true},
			{"pgdown", false, true, "a", true},
		}},
		{"enter keeps the filter", []step{start,
			{"a", true, true, "a", true},
			{"enter", false, true, "a", false},
		}},
		{"esc while typing clears", []step{start,
			{"a", true, true, "a", true},
			{"esc", true, true, "", false},
		}},
		{"esc while typing nothing ends typing", []step{start,
			{"esc", true, true, "", false},
		}},
		{"esc on a kept filter clears it, then is the screen's", []step{start,
			{"a", true, true, "a", true},
			{"enter", false, true, "a", false},
			{"esc", true, true, "", false},
			{"esc", false, false, "", false},
		}},
		{"esc with nothing is the screen's", []step{
			{"esc", false, false, "", false},
		}},
		{"keys are the screen's when not typing", []step{
			{"j", false, false, "", false},
			{"enter", false, false, "", false},
			{"down", false, false, "", false},
		}},
		// Finding 7: this crashed the app (bubbles v2.2.1 reads past the end).
		{"alt+d on the last letter deletes it", []step{start,
			{"r", true, true, "r", true}, {"i", true, true, "ri", true},
			{"s", true, true, "ris", true}, {"k", true, true, "risk", true},
			{"left", false, true, "risk", true},
			{"alt+d", true, true, "ris", true},
			{"alt+d", false, true, "ris", true},
		}},
		{"alt+d before a word deletes it", []step{start,
			{"a", true, true, "a", true}, {"b", true, true, "ab", true},
			{"space", true, true, "ab ", true}, {"c", true, true, "ab c", true},
			{"home", false, true, "ab c", true}, {"alt+right", false, true, "ab c", true},
			{"alt+d", true, true, "ab", true},
		}},
		{"a kept filter is typed on after slash", []step{start,
			{"a", true, true, "a", true},
			{"enter", false, true, "a", false},
			{"b", false, false, "a", false},
			resume("a"),
			{"b", true, true, "ab", true},
		}},
	}
	keys, nav := DefaultKeyMap(), list.DefaultNav()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New("name")
			for i, s := range tt.steps {
				changed, handled, _ := f.Update(tuitest.Key(s.key), keys, nav)
				if changed != s.changed || handled != s.handled {
					t.Errorf("step %d %q: changed, handled = %v, %v; want %v, %v", i, s.key, changed, handled, s.changed, s.handled)
				}
				if f.Value() != s.value || f.Active() != s.active {
					t.Errorf("step %d %q: value %q active %v; want %q %v", i, s.key, f.Value(), f.Active(), s.value, s.active)
				}
				if f.Shown() != (s.active || s.value != "") {
					t.Errorf("step %d %q: shown %v", i, s.key, f.Shown())
				}
			}
		})
	}
}

// resume is `/` on a kept query: typing goes on from it.
func resume(value string) step { return step{"/", false, true, value, true} }

func TestClear(t *testing.T) {
	f := New("name")
	if f.Clear() {
		t.Error("Clear with nothing to clear reported true")
	}
	f.Start()
	if !f.Clear() || f.Active() {
		t.Errorf("Clear while typing: active %v", f.Active())
	}
}

func TestEscAndView(t *testing.T) {
	keys, nav := DefaultKeyMap(), list.DefaultNav()
	back := keys.Filter // any binding other than ClearFilter
	th := common.NewTheme(true)
	f := New("name")
	if f.Esc(keys, back).Help() != back.Help() {
		t.Error("esc with no query should stand for back")
	}
	f.Start()
	for _, k := range []string{"k", "a", "v"} {
		f.Update(tuitest.Key(k), keys, nav)
	}
	f.SetWidth(80)
	if got := ansi.Strip(f.View(th, 1, 13, 80)); !containsAll(got, "/ kav", "1 of 13 match") {
		t.Errorf("typing view %q", got)
	}
	f.Update(tuitest.Key("enter"), keys, nav)
	if f.Esc(keys, back).Help() != keys.ClearFilter.Help() {
		t.Error("esc on a kept query should stand for clearing it")
	}
	want := "/ kav  1 of 13 match · esc clears"
	if got := ansi.Strip(f.View(th, 1, 13, 80)); got[:len(want)] != want {
		t.Errorf("kept view %q, want it to start %q", got, want)
	}
}

func TestMatch(t *testing.T) {
	hay := []string{"ada lovelace", "alan turing", "grace hopper"}
	keep := func(i int) (string, bool) { return hay[i], i != 2 }
	for q, want := range map[string][]int{"": {0, 1}, "A": {0, 1}, "al tur": {1}, "hopper": {}, "Lovelace  ADA": {0}} {
		got := Match(len(hay), q, keep)
		if !slices.Equal(got, want) {
			t.Errorf("Match(%q) = %v, want %v", q, got, want)
		}
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// A paste is typed into the query on one line; outside typing it is not the filter's.
func TestPaste(t *testing.T) {
	f := New("name")
	if f.Paste(tea.PasteMsg{Content: "x"}) || f.Value() != "" {
		t.Fatalf("a paste while not typing changed the query to %q", f.Value())
	}
	f.Start()
	if !f.Paste(tea.PasteMsg{Content: "risk of\r\nharm\n"}) || f.Value() != "risk of harm" || !f.Active() {
		t.Errorf("after the paste: %q, active %v", f.Value(), f.Active())
	}
}

// fuzzKeys are the keys FuzzFilter draws from: every editing key, arrows, enter, esc
// and slash, and letters of several scripts.
var fuzzKeys = strings.Fields("alt+d alt+delete ctrl+delete alt+backspace ctrl+w ctrl+k ctrl+u left right " +
	"home end alt+left alt+right ctrl+a ctrl+e backspace delete space enter esc / a Z é 😀 ש ل 字 up down")

// Random key sequences into the filter never panic.
func FuzzFilter(f *testing.F) {
	f.Add([]byte{20, 21, 22, 23, 8, 7, 0})
	f.Add([]byte{20, 21, 21, 21, 7, 8, 0, 3, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		keys, nav := DefaultKeyMap(), list.DefaultNav()
		m := New("name")
		m.SetWidth(30)
		for _, b := range data {
			if b == 255 {
				m.Paste(tea.PasteMsg{Content: "a\nb 😀"})
				continue
			}
			m.Update(tuitest.Key(fuzzKeys[int(b)%len(fuzzKeys)]), keys, nav)
		}
	})
}
