package reports

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
)

// gap is the space between two columns of a table.
const gap = "  "

// table draws rows under headings, at most width cells wide: the first column on the
// left (cut to fit, never below its heading's longest word), the others right-aligned,
// each as wide as its widest cell or its heading's longest word, the headings wrapped
// onto as many lines as the longest needs. Columns that do not fit are left off from
// the right, and a line under the table says how many.
func table(head []string, rows [][]string, width int) []string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = twoLines(h)
		for _, r := range rows {
			widths[i] = max(widths[i], lipgloss.Width(r[i]))
		}
	}
	keep := len(head)
	for keep > 1 && sum(widths[1:keep])+len(gap)*(keep-1)+min(widths[0], firstLeast) > width {
		keep--
	}
	rest := sum(widths[1:keep]) + len(gap)*(keep-1)
	widths[0] = max(min(widths[0], width-rest), 1)
	cells := func(r []string) string {
		var b strings.Builder
		for i := range keep {
			if i == 0 {
				b.WriteString(common.Fit(r[0], widths[0]))
				continue
			}
			b.WriteString(gap + common.Clip(pad(r[i], widths[i]), widths[i]))
		}
		return strings.TrimRight(b.String(), " ")
	}
	wrapped := make([][]string, keep)
	lines := 1
	for i := range keep {
		wrapped[i] = common.Wrap(head[i], widths[i])
		lines = max(lines, len(wrapped[i]))
	}
	var out []string
	for l := range lines {
		r := make([]string, keep)
		for i := range keep {
			// Headings sit on their last line, over the numbers.
			if j := l - (lines - len(wrapped[i])); j >= 0 {
				r[i] = wrapped[i][j]
			}
		}
		out = append(out, cells(r))
	}
	for _, r := range rows {
		out = append(out, cells(r))
	}
	if left := len(head) - keep; left > 0 {
		out = append(out, common.Clip(fmt.Sprintf("(%d more %s in a wider window)", left, plural(left, "column", "columns")), width))
	}
	return out
}

// twoLines is the narrowest a heading can be wrapped to in two lines, or to its
// longest word when even that takes more.
func twoLines(h string) int {
	least := 0
	for _, w := range strings.Fields(h) {
		least = max(least, lipgloss.Width(w))
	}
	for w := least; w < lipgloss.Width(h); w++ {
		if len(common.Wrap(h, w)) <= 2 {
			return w
		}
	}
	return max(least, lipgloss.Width(h))
}

// firstLeast is the narrowest the first column is cut to before columns are left off.
const firstLeast = 12

// pad right-aligns s in w cells.
func pad(s string, w int) string { return strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) + s }

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// plural is one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
