package list

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestLoadsRunOneAtATime(t *testing.T) {
	var l Loads
	reads := 0
	load := func() tea.Cmd {
		reads++
		return func() tea.Msg { return nil }
	}
	if l.Ask(load) == nil || reads != 1 {
		t.Fatal("the first load did not start")
	}
	for range 3 { // three changes while it runs
		if l.Ask(load) != nil {
			t.Fatal("a second load started while one runs")
		}
	}
	if l.Land(nil, load) == nil || reads != 2 {
		t.Fatal("the changes while it ran asked for no load after it")
	}
	if l.Land(nil, load) != nil || reads != 2 {
		t.Fatal("a load started with nothing changed")
	}
	if l.Ask(load) == nil || reads != 3 {
		t.Fatal("a load after the others landed did not start")
	}
}

func TestKeepFindsTheRecordElseStaysInPlace(t *testing.T) {
	for _, tc := range []struct {
		name               string
		w                  Window
		shown              []int // the new rows' keys, in order
		key, h             int
		wantCursor, wantOf int
	}{
		{"found where it was", Window{Cursor: 5, Offset: 3}, seq(0, 20), 5, 5, 5, 3},
		{"moved down by one", Window{Cursor: 5, Offset: 3}, append([]int{99}, seq(0, 20)...), 5, 5, 6, 3},
		{"moved far down: the scroll follows", Window{Cursor: 5, Offset: 3}, seq(0, 20), 18, 5, 18, 14},
		{"gone: the row now at its place", Window{Cursor: 5, Offset: 3}, seq(0, 20), 77, 5, 5, 3},
		{"gone off the end: the last row", Window{Cursor: 9, Offset: 5}, seq(0, 4), 77, 5, 3, 0},
		{"no rows", Window{Cursor: 2, Offset: 1}, nil, 1, 5, 0, 0},
	} {
		w := tc.w
		w.Keep(tc.shown, tc.h, func(row int) bool { return row == tc.key })
		if w.Cursor != tc.wantCursor || w.Offset != tc.wantOf {
			t.Errorf("%s: cursor %d offset %d, want %d %d", tc.name, w.Cursor, w.Offset, tc.wantCursor, tc.wantOf)
		}
	}
}

func seq(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}
