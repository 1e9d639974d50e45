package list

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

func TestEmptyNote(t *testing.T) {
	e := Empty{Loading: "loading", None: "none", NotYours: "not yours"}
	for _, c := range []struct {
		loaded       bool
		rows, shown  int
		filter, want string
	}{
		{true, 5, 2, "", ""},
		{false, 0, 0, "", "loading"},
		{true, 0, 0, "", "none"},
		{true, 5, 0, "ada", "No case matches the filter. Press esc to clear it."},
		{true, 5, 0, "", "not yours"},
	} {
		if got := e.Note(c.loaded, c.rows, c.shown, c.filter); got != c.want {
			t.Errorf("Note(%v, %d, %d, %q) = %q, want %q", c.loaded, c.rows, c.shown, c.filter, got, c.want)
		}
	}
}

func TestMineSummary(t *testing.T) {
	th := common.NewTheme(true)
	for _, c := range []struct {
		mine  bool
		yours int
		want  string
	}{
		{false, 3, "Everyone's cases · 9 open · m shows yours"},
		{true, 3, "Your cases (3) · 9 open · m shows everyone's"},
		{true, -1, "Your cases · 9 open · m shows everyone's"},
	} {
		if got := ansi.Strip(MineSummary(th, c.mine, c.yours, "9 open")); got != c.want {
			t.Errorf("MineSummary(%v, %d) = %q, want %q", c.mine, c.yours, got, c.want)
		}
	}
}
