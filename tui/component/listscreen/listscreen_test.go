package listscreen

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

type person struct {
	id         int64
	name, team string
}

type opened struct{ id int64 }

func people(names ...string) []person {
	var out []person
	for i, n := range names {
		out = append(out, person{id: int64(i + 1), name: n, team: fmt.Sprintf("Team %c", 'A'+i%2)})
	}
	return out
}

func newList(group bool) *Model[person] {
	spec := Spec[person]{
		Title: "People",
		Columns: list.Spec{Name: list.Column{ID: "name", Heading: "Person"}, NameWant: 10,
			Fixed: []list.Column{{ID: "team", Heading: "Team", Width: 4, Keep: 1}}},
		Cell: func(r *person, col string) (string, *lipgloss.Style) {
			if col == "team" {
				return r.team, nil
			}
			return r.name, nil
		},
		ID:       func(r *person) int64 { return r.id },
		Haystack: func(r *person) string { return domain.FoldForSearch(r.name + " " + r.team) },
		Open:     func(r *person) tea.Cmd { return func() tea.Msg { return opened{r.id} } },
		Empty:    func(bool, int, string) string { return "No one matches." },
	}
	if group {
		spec.Group = func(r *person) string { return r.team }
	}
	m := New(spec)
	m.SetSize(40, 10)
	return m
}

func press(m *Model[person], keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		msg := tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		cmd = m.Update(msg, func(tea.KeyPressMsg) tea.Cmd { return nil })
	}
	return cmd
}

// Enter on a filter that matches one row opens it and keeps the filter; with more
// matches it only keeps the filter.
func TestEnterOnOneMatchOpens(t *testing.T) {
	for _, tc := range []struct {
		typed string
		open  int64 // 0: nothing opened
	}{
		{"zo", 2},
		{"a", 0}, // every row
		{"nobody", 0},
	} {
		m := newList(false)
		m.SetRows(people("Ann Lee", "Zoë Hale", "Bea Nash"))
		keys := append([]string{"/"}, strings.Split(tc.typed, "")...)
		press(m, keys...)
		cmd := press(m, "enter")
		var got int64
		if cmd != nil {
			if o, ok := cmd().(opened); ok {
				got = o.id
			}
		}
		if got != tc.open || m.Capturing() {
			t.Errorf("%q: opened %d (capturing %v), want %d", tc.typed, got, m.Capturing(), tc.open)
		}
	}
}

// The list speaks its title and count, then the row under the cursor in words.
func TestSpeech(t *testing.T) {
	m := newList(false)
	if got := m.Speech(); !slices.Equal(got, []string{"People, 0 rows.", "No one matches."}) {
		t.Errorf("empty: %q", got)
	}
	m.SetRows(people("Ann Lee", "Zoë Hale", "Bea Nash"))
	press(m, "j")
	if got, want := m.Speech(), []string{"People, 3 rows.", "2 of 3: Zoë Hale, Team: Team B."}; !slices.Equal(got, want) {
		t.Errorf("speech %q, want %q", got, want)
	}
	press(m, "/", "b", "e", "a")
	if got, want := m.Speech(), []string{"People, 1 row.", `Filtered by "bea": 1 of 3 match.`, "1 of 1: Bea Nash, Team: Team A."}; !slices.Equal(got, want) {
		t.Errorf("filtered speech %q, want %q", got, want)
	}
}

// A click puts the cursor on the row drawn there, headings and all; a double click opens
// it; a click on the headings or below the rows does nothing; the wheel scrolls.
func TestPointer(t *testing.T) {
	for _, group := range []bool{false, true} {
		m := newList(group)
		m.SetRows(people("Ann", "Bea", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lu"))
		lines := strings.Split(m.View(&common.Theme{}, []string{"summary"}, nil), "\n")
		y := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Cy ") })
		if cmd := m.Pointer(common.PointerMsg{Kind: common.Click, Y: y}); cmd != nil || m.Selected().name != "Cy" {
			t.Fatalf("group %v: a click on line %d selected %s", group, y, m.Selected().name)
		}
		cmd := m.Pointer(common.PointerMsg{Kind: common.DoubleClick, Y: y})
		if cmd == nil || cmd() != (opened{3}) {
			t.Errorf("group %v: a double click did not open Cy", group)
		}
		for _, y := range []int{0, 1, 99} {
			m.Pointer(common.PointerMsg{Kind: common.Click, Y: y})
			if m.Selected().name != "Cy" {
				t.Errorf("group %v: a click on line %d moved the cursor to %s", group, y, m.Selected().name)
			}
		}
		m.Pointer(common.PointerMsg{Kind: common.WheelDown})
		m.Pointer(common.PointerMsg{Kind: common.WheelDown})
		if m.Selected().name == "Cy" {
			t.Errorf("group %v: the wheel left the cursor on Cy", group)
		}
		m.Pointer(common.PointerMsg{Kind: common.WheelUp})
		m.Pointer(common.PointerMsg{Kind: common.WheelUp})
		m.Pointer(common.PointerMsg{Kind: common.WheelUp})
		if m.Offset() != 0 || m.Top() != 0 || (group && m.Cursor() != 0) {
			t.Errorf("group %v: the wheel up did not come back to the top: cursor %d", group, m.Cursor())
		}
	}
}

// Rows read again keep the cursor on their record and the columns follow the content.
func TestSetRowsKeepsTheRecordAndMeasures(t *testing.T) {
	m := newList(false)
	m.SetRows(people("Ann", "Bea", "Cy"))
	press(m, "j", "j")
	m.SetRows(append([]person{{id: 9, name: "Aaron Longname-Whittaker", team: "Team Z"}}, people("Ann", "Bea", "Cy")...))
	if m.Selected().name != "Cy" {
		t.Errorf("cursor on %s after a reload, want Cy", m.Selected().name)
	}
	if cols := m.Columns(); cols[0].Width != len("Aaron Longname-Whittaker") || cols[1].Width != 6 {
		t.Errorf("widths %d %d, want the longest name and team", cols[0].Width, cols[1].Width)
	}
}
