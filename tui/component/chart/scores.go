package chart

import (
	"strings"
)

// Score is one of a person's scores on a measure, in the order taken.
type Score struct {
	Label string // when it was taken, such as "release" or "Mar 26"
	Value float64
	Text  string // the score as written; Number(Value) when empty
	Mark  rune   // Better, Worse or 0 for none: written under the score
}

// text is the score as written under its column.
func (s Score) text() string {
	if s.Text != "" {
		return s.Text
	}
	return Number(s.Value)
}

// Range is the span a measure's scores are drawn on, and its clinical cut-off.
type Range struct {
	Min, Max float64
	Cut      float64 // drawn as a line of Cut across the chart when HasCut
	HasCut   bool
}

// Scores draws a person's scores as columns rows high, each line exactly width cells:
// an axis naming the top and foot of the measure's range (and the cut-off, on its
// row), the cut-off as a line of Cut through the empty cells, then the scores written
// under their columns when they fit, a line of marks when any score is marked, and the
// labels (thinned to fit, the latest always named). Only the latest scores are drawn
// when they do not fit one cell each.
func Scores(scores []Score, r Range, width, rows int) string {
	if width <= 0 || len(scores) == 0 {
		return ""
	}
	rows = max(rows, 1)
	if r.Max <= r.Min {
		r.Max = r.Min + 1
	}
	cutRow, cutAt := -1, 0
	axis := map[int]string{rows - 1: Number(r.Max), 0: Number(r.Min)}
	if r.HasCut {
		// The row a score just over the cut-off first reaches, so a column crossing the
		// line is over it.
		cutAt = eighths(r.Cut, r.Min, r.Max, rows)
		cutRow = min(cutAt/8, rows-1)
		axis[cutRow] = Number(r.Cut)
	}
	axisW := widest([]string{Number(r.Max), Number(r.Min), Number(r.Cut)}) + 1
	if width-axisW < 1 {
		return strings.Repeat(" ", width)
	}
	if n := width - axisW; len(scores) > n {
		scores = scores[len(scores)-n:]
	}
	col := min((width-axisW)/len(scores), 8)
	bar := max(col-1, 1)
	heights := make([]int, len(scores))
	names, values, marks := make([]string, len(scores)), make([]string, len(scores)), false
	for i, s := range scores {
		heights[i] = eighths(s.Value, r.Min, r.Max, rows)
		names[i], values[i] = s.Label, s.text()
		marks = marks || s.Mark != 0
	}
	out := make([]string, 0, rows+3)
	for row := rows - 1; row >= 0; row-- {
		var b strings.Builder
		tick := "│"
		if a, ok := axis[row]; ok {
			tick = "┤"
			b.WriteString(pad(a, axisW-1))
		} else {
			b.WriteString(strings.Repeat(" ", axisW-1))
		}
		b.WriteString(tick)
		for i := range scores {
			for j := range col {
				c := cell(upward, heights[i], row)
				if j >= bar {
					c = ' '
				}
				// On the cut-off's row only a score over it shows: one under it is
				// drawn as the line, so a column through the line is over it.
				if row == cutRow && (c == ' ' || heights[i] <= cutAt) {
					c = Cut
				}
				b.WriteRune(c)
			}
		}
		if row == cutRow {
			b.WriteString(strings.Repeat(string(Cut), max(width-axisW-col*len(scores), 0)))
		}
		out = append(out, fitLine(b.String(), width))
	}
	if widest(values) < col {
		out = append(out, under(values, axisW, col, width))
	}
	if marks {
		ms := make([]string, len(scores))
		for i, s := range scores {
			if s.Mark != 0 {
				ms[i] = string(s.Mark)
			}
		}
		out = append(out, under(ms, axisW, col, width))
	}
	out = append(out, labels(names, axisW, col, width))
	return strings.Join(out, "\n")
}

// under is a line with each text at the start of its column.
func under(texts []string, x0, col, w int) string {
	var l line
	for i, t := range texts {
		l.at(x0+i*col, t)
	}
	return l.fit(w)
}

// fitLine is s made exactly w cells.
func fitLine(s string, w int) string {
	var l line
	l.at(0, s)
	return l.fit(w)
}

// Sparkline is values as one line of blocks, one cell each, from lo to hi: the lowest
// is the smallest block, never a blank, so every value shows.
func Sparkline(values []float64, lo, hi float64) string {
	var b strings.Builder
	for _, v := range values {
		b.WriteRune(upward[max(eighths(v, lo, hi, 1), 1)])
	}
	return b.String()
}
