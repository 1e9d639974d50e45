package list

import (
	"fmt"

	"caseload/tui/common"
)

// MineSummary is the first line of a list that `m` narrows to the reader's own cases:
// whose lines show, then detail (how many, in what order), then what m does. yours is
// how many are the reader's; below 0 it is not shown.
func MineSummary(t *common.Theme, mine bool, yours int, detail string) string {
	if !mine {
		return t.Title.Render("Everyone's cases") + t.Muted.Render(" · "+detail+" · m shows yours")
	}
	title := "Your cases"
	if yours >= 0 {
		title = fmt.Sprintf("Your cases (%d)", yours)
	}
	return t.Title.Render(title) + t.Muted.Render(" · "+detail+" · m shows everyone's")
}

// Empty is what a list says when no row shows: while it loads, when it has none at all,
// and when the reader has none of their own. A filter that matches nothing is said the
// same way on every list.
type Empty struct{ Loading, None, NotYours string }

// Note is the words for the list's state, or "" while a row shows.
func (e Empty) Note(loaded bool, rows, shown int, filter string) string {
	switch {
	case shown > 0:
		return ""
	case !loaded:
		return e.Loading
	case rows == 0:
		return e.None
	case filter != "":
		return "No case matches the filter. Press esc to clear it."
	}
	return e.NotYours
}
