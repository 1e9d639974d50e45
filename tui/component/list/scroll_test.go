package list

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A reading screen's keys move its first line within the lines there are.
func TestNavScroll(t *testing.T) {
	nav := DefaultNav()
	press := func(k string) tea.KeyPressMsg {
		switch k {
		case "pgdown":
			return tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "pgup":
			return tea.KeyPressMsg{Code: tea.KeyPgUp}
		}
		return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
	}
	tests := []struct {
		key          string
		offset, n, h int
		want         int
		moved        bool
	}{
		{"j", 0, 100, 10, 1, true},
		{"k", 0, 100, 10, 0, true},
		{"pgdown", 5, 100, 10, 14, true},
		{"pgup", 5, 100, 10, 0, true},
		{"G", 0, 100, 10, 90, true},
		{"g", 50, 100, 10, 0, true},
		{"j", 90, 100, 10, 90, true},
		{"G", 0, 5, 10, 0, true},
		{"x", 7, 100, 10, 7, false},
	}
	for _, tt := range tests {
		got, moved := nav.Scroll(press(tt.key), tt.offset, tt.n, tt.h)
		if got != tt.want || moved != tt.moved {
			t.Errorf("%s from %d of %d (%d shown) = %d, %v; want %d, %v", tt.key, tt.offset, tt.n, tt.h, got, moved, tt.want, tt.moved)
		}
	}
}
