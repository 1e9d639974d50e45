package list

import (
	tea "charm.land/bubbletea/v2"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func ids(cols []Column) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.ID)
	}
	return out
}

var spec = Spec{
	Name:     Column{ID: "name", Heading: "Name"},
	NameWant: 10,
	Fixed: []Column{
		{ID: "a", Heading: "A", Width: 5, Keep: 2},
		{ID: "b", Heading: "B", Width: 5, Keep: 3},
		{ID: "c", Heading: "C", Width: 5, Keep: 1},
	},
}

func TestLayoutDropsLeastNeededFirst(t *testing.T) {
	// Everything: marker 2 + name 10 + 3×(gap 1 + 5) = 30.
	for _, tc := range []struct {
		width   int
		minKept int
		want    []string
		name    int
	}{
		{width: 40, want: []string{"name", "a", "b", "c"}, name: 20},
		{width: 30, want: []string{"name", "a", "b", "c"}, name: 10},
		{width: 29, want: []string{"name", "a", "b"}, name: 15},
		{width: 23, want: []string{"name", "b"}, name: 15},
		{width: 17, want: []string{"name"}, name: 15},
		{width: 18, want: []string{"name", "b"}, name: 10},
		{width: 11, want: []string{"name"}, name: 9},
		{width: 11, minKept: 1, want: []string{"name", "b"}, name: 3},
		{width: 2, minKept: 1, want: []string{"name", "b"}, name: 1},
		{width: 0, want: []string{"name"}, name: 1},
	} {
		s := spec
		s.MinKept = tc.minKept
		cols := Layout(tc.width, s)
		if got := ids(cols); !slices.Equal(got, tc.want) {
			t.Errorf("width %d, min kept %d: columns %v, want %v", tc.width, tc.minKept, got, tc.want)
		}
		if cols[0].Width != tc.name {
			t.Errorf("width %d, min kept %d: name width %d, want %d", tc.width, tc.minKept, cols[0].Width, tc.name)
		}
	}
	if got := ids(spec.Fixed); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Layout changed the spec's columns: %v", got)
	}
}

func TestWindowClamp(t *testing.T) {
	for _, tc := range []struct {
		name         string
		start        Window
		move, n, h   int
		cursor, offs int
	}{
		{name: "zero rows", start: Window{Cursor: 3, Offset: 2}, move: 1, n: 0, h: 5},
		{name: "above the top", move: -1, n: 10, h: 5},
		{name: "past the bottom", move: 20, n: 10, h: 5, cursor: 9, offs: 5},
		{name: "down the page", start: Window{Cursor: 4}, move: 1, n: 10, h: 5, cursor: 5, offs: 1},
		{name: "up off the page", start: Window{Cursor: 5, Offset: 5}, move: -1, n: 10, h: 5, cursor: 4, offs: 4},
		{name: "fewer rows than room", start: Window{Cursor: 2, Offset: 2}, n: 3, h: 5, cursor: 2},
		{name: "rows shrank", start: Window{Cursor: 9, Offset: 5}, n: 4, h: 5, cursor: 3},
		{name: "no room", start: Window{Cursor: 2}, move: 1, n: 10, h: 0, cursor: 3, offs: 3},
		{name: "one row of room", start: Window{Cursor: 2, Offset: 2}, move: 1, n: 10, h: 1, cursor: 3, offs: 3},
	} {
		w := tc.start
		w.Move(tc.move, tc.n, tc.h)
		if w.Cursor != tc.cursor || w.Offset != tc.offs {
			t.Errorf("%s: cursor %d offset %d, want %d %d", tc.name, w.Cursor, w.Offset, tc.cursor, tc.offs)
		}
	}
}

func TestSelectAndVisible(t *testing.T) {
	shown := []int{7, 3, 5, 1}
	var w Window
	w.Select(shown, 2, func(ri int) bool { return ri == 1 })
	if w.Cursor != 3 || w.Offset != 2 {
		t.Fatalf("select: cursor %d offset %d, want 3 2", w.Cursor, w.Offset)
	}
	if ri, ok := w.Selected(shown); !ok || ri != 1 {
		t.Errorf("selected %d %v, want 1 true", ri, ok)
	}
	var rows []int
	var sel []bool
	for ri, s := range w.Visible(shown, 2) {
		rows, sel = append(rows, ri), append(sel, s)
	}
	if !slices.Equal(rows, []int{5, 1}) || !slices.Equal(sel, []bool{false, true}) {
		t.Errorf("visible %v %v, want [5 1] [false true]", rows, sel)
	}
	w.Select(shown, 2, func(int) bool { return false })
	if w.Cursor != 0 || w.Offset != 0 {
		t.Errorf("select of a row not shown: cursor %d offset %d, want 0 0", w.Cursor, w.Offset)
	}
	w.Select(nil, 2, func(int) bool { return true })
	if _, ok := w.Selected(nil); ok {
		t.Error("a row is selected with none shown")
	}
	for range w.Visible(nil, 2) {
		t.Error("a row is visible with none shown")
	}
	for range w.Visible(shown, 0) {
		t.Error("a row is visible with no room")
	}
	if PageSize(0) != 1 || PageSize(1) != 1 || PageSize(10) != 9 {
		t.Errorf("page sizes %d %d %d, want 1 1 9", PageSize(0), PageSize(1), PageSize(10))
	}
}

func TestRowAndHeadings(t *testing.T) {
	cols := Layout(20, Spec{Name: Column{ID: "name", Heading: "Person"}, NameWant: 6,
		Fixed: []Column{{ID: "n", Heading: "Number", Width: 6, Keep: 1}}})
	if got, want := Headings(cols, 20), "  Person      Number"; got != want {
		t.Errorf("headings %q, want %q", got, want)
	}
	cell := func(id string) (string, *lipgloss.Style) {
		if id == "n" {
			return "1234567", nil
		}
		return "Ann", nil
	}
	row := Row(cols, 20, false, lipgloss.NewStyle(), cell)
	if !strings.HasPrefix(row, "  Ann ") || len([]rune(row)) != 20 {
		t.Errorf("row %q: want the marker's room, the name and 20 columns", row)
	}
	if row := Row(cols, 20, true, lipgloss.NewStyle(), cell); !strings.HasPrefix(row, "› Ann") {
		t.Errorf("selected row %q does not start with the marker", row)
	}
	if row := Row(cols, 4, false, lipgloss.NewStyle(), cell); len([]rune(row)) > 4 {
		t.Errorf("row %q is wider than 4", row)
	}
}

func TestNavigate(t *testing.T) {
	nav := DefaultNav()
	var w Window
	press := func(k string, code rune) bool {
		return w.Navigate(tea.KeyPressMsg{Code: code, Text: k}, nav, 50, 10)
	}
	if !press("j", 'j') || w.Cursor != 1 {
		t.Fatalf("j: cursor %d", w.Cursor)
	}
	if !press("G", 'G') || w.Cursor != 49 || w.Offset != 40 {
		t.Fatalf("G: cursor %d offset %d", w.Cursor, w.Offset)
	}
	if !w.Navigate(tea.KeyPressMsg{Code: tea.KeyPgUp}, nav, 50, 10) || w.Cursor != 40 {
		t.Fatalf("pgup: cursor %d", w.Cursor)
	}
	if press("x", 'x') || w.Cursor != 40 {
		t.Fatal("x is not a movement key")
	}
}

// Each column's width follows what it holds: spare room goes first to the name up to its
// longest value, then to the columns cut short (the most needed first); the name stops
// at its longest.
func TestLayoutFollowsTheContent(t *testing.T) {
	s := Spec{
		Name:     Column{ID: "name", Heading: "Person"},
		NameWant: 10,
		Fixed: []Column{
			{ID: "clock", Heading: "Clock", Width: 8, Keep: 3, Want: 14},
			{ID: "who", Heading: "Who", Width: 6, Keep: 2, Want: 9},
		},
	}
	// Marker 2 + name 10 + (1+8) + (1+6) = 28.
	for _, tc := range []struct {
		width, nameMax int
		want           []int // name, clock, who
	}{
		{width: 28, want: []int{10, 8, 6}},
		{width: 31, want: []int{10, 11, 6}},              // the clock, needed most, first
		{width: 37, want: []int{10, 14, 9}},              // both whole
		{width: 60, want: []int{33, 14, 9}},              // the rest to the name, unmeasured
		{width: 60, nameMax: 15, want: []int{15, 14, 9}}, // the name stops at its longest
		{width: 60, nameMax: 3, want: []int{6, 14, 9}},   // but not below its heading
		{width: 24, nameMax: 4, want: []int{6, 8, 6}},    // short names leave room: no drop
		{width: 33, nameMax: 15, want: []int{15, 8, 6}},  // a long name before the others grow
		{width: 36, nameMax: 15, want: []int{15, 11, 6}}, // then the most needed column
	} {
		s.NameMax = tc.nameMax
		cols := Layout(tc.width, s)
		var got []int
		for _, c := range cols {
			got = append(got, c.Width)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("width %d, longest name %d: widths %v, want %v", tc.width, tc.nameMax, got, tc.want)
		}
	}
}
