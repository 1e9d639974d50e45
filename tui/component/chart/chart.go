// Package chart draws counts and series as lines of plain runes for the screens: a bar
// chart of labelled counts (Bars), a month-by-month column chart (Months), a person's
// scores over time (Scores) and a one-line Sparkline. Every line is exactly the width
// asked, measured in terminal cells, so a label in any script (emoji, right-to-left)
// keeps the columns. The meaning is in the shapes and the numbers written beside them,
// never in colour, so a chart reads the same under NO_COLOR; a screen may colour a whole
// chart, never one part of its meaning.
package chart

import (
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
)

// The runes with a meaning of their own, named in Legend.
const (
	NoData = '·' // a month with nothing to measure (no referral screened), not a zero
	Cut    = '┄' // the clinical cut-off across a person's scores
	Better = '+' // a score reliably better than the baseline
	Worse  = '!' // a score reliably worse than the baseline
)

// across are the partial blocks filling a cell from the left, by eighths.
var across = []rune(" ▏▎▍▌▋▊▉█")

// upward are the partial blocks filling a cell from the bottom, by eighths.
var upward = []rune(" ▁▂▃▄▅▆▇█")

// Number writes a value as the charts do: whole numbers without a point, others to one
// decimal place.
func Number(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// Legend says what the marks mean, for the foot of a chart or a screen's help.
func Legend() string {
	return strings.Join([]string{
		string(Better) + " reliably better",
		string(Worse) + " reliably worse",
		string(Cut) + " clinical cut-off",
		string(NoData) + " nothing to measure",
	}, "  ")
}

// eighths is how many eighths of cells of room a value fills between lo and hi: at
// least one for any value above lo, so a small count never looks like none.
func eighths(v, lo, hi float64, room int) int {
	if hi <= lo || v <= lo || room <= 0 {
		return 0
	}
	n := int(math.Round((v - lo) / (hi - lo) * float64(room*8)))
	return min(max(n, 1), room*8)
}

// cell is the rune for the part of an eighths-long run that falls in cell i.
func cell(blocks []rune, n, i int) rune {
	return blocks[min(max(n-8*i, 0), 8)]
}

// line builds one line of text placed at cell positions.
type line struct {
	b strings.Builder
	n int // cells written
}

// at writes s starting at cell x, unless the line is already past x.
func (l *line) at(x int, s string) {
	if x < l.n {
		return
	}
	l.b.WriteString(strings.Repeat(" ", x-l.n))
	l.b.WriteString(s)
	l.n = x + lipgloss.Width(s)
}

// fit is the line made exactly w cells.
func (l *line) fit(w int) string { return common.Fit(l.b.String(), w) }

// widest is the widest of ss in cells.
func widest(ss []string) int {
	w := 0
	for _, s := range ss {
		w = max(w, lipgloss.Width(common.OneLine(s)))
	}
	return w
}

// thinned is the step between labelled columns so that labels w cells wide, with a
// space after each, never touch on columns col cells apart.
func thinned(w, col int) int {
	if col <= 0 {
		return 1
	}
	return max((w+1+col-1)/col, 1)
}

// labels is a line with texts under columns col cells wide from cell x0, every step-th
// one counted back from the last, each a space clear of the next. The last is always
// named (moved left to end at the edge when it would run past w), and the first when
// there is room for it.
func labels(texts []string, x0, col, w int) string {
	step := thinned(widest(texts), col)
	last := len(texts) - 1
	at := make([]int, len(texts))
	limit := w // where the label after this one starts, less its space
	for i := last; i >= 0; i-- {
		at[i] = -1
		n := lipgloss.Width(common.OneLine(texts[i]))
		x := x0 + i*col
		if i == last {
			x = max(min(x, w-n), 0)
		}
		if (last-i)%step != 0 || x+n > limit {
			continue
		}
		at[i], limit = x, x-1
	}
	if first := lipgloss.Width(common.OneLine(texts[0])); at[0] < 0 && x0+first <= limit {
		at[0] = x0 // the first month too, so a narrow chart still says where it starts
	}
	var l line
	for i, t := range texts {
		if at[i] >= 0 {
			l.at(at[i], common.OneLine(t))
		}
	}
	return l.fit(w)
}
