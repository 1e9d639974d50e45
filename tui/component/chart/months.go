package chart

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Month is one month's value of a month-by-month chart.
type Month struct {
	Label string // the month as named under its column, such as "Jan 26"
	Value float64
	Text  string // the value as written; Number(Value) when empty
	None  bool   // nothing to measure that month: drawn as NoData, never as a zero
}

// text is the month's value as written under its column.
func (m Month) text() string {
	switch {
	case m.None:
		return "-"
	case m.Text != "":
		return m.Text
	}
	return Number(m.Value)
}

// Scale is what a chart's columns are measured against.
type Scale struct {
	Top  float64 // the value of a full column; the largest value when 0
	Unit string  // written after the numbers on the axis, such as "%"
}

// Months draws months as columns rows high over a line of month names, each line
// exactly width cells. On the left an axis names the top of the scale and zero. The
// names are thinned to fit (the latest month is always named); under them, when every
// value fits its column, a line of the values. When the months do not fit one cell
// each, the latest ones are drawn. A month with nothing to measure shows NoData at the
// foot of its column.
func Months(months []Month, sc Scale, width, rows int) string {
	if width <= 0 || len(months) == 0 {
		return ""
	}
	rows = max(rows, 1)
	top := sc.Top
	if top <= 0 {
		for _, m := range months {
			if !m.None {
				top = max(top, m.Value)
			}
		}
		top = max(top, 1)
	}
	topText, zero := Number(top)+sc.Unit, "0"+sc.Unit
	axisW := widest([]string{topText, zero}) + 1
	if width-axisW < 1 {
		return strings.Repeat(" ", width)
	}
	if n := width - axisW; len(months) > n {
		months = months[len(months)-n:]
	}
	col := min((width-axisW)/len(months), 8)
	bar := max(col-1, 1) // a gap between columns when there is room for one
	heights := make([]int, len(months))
	names, values := make([]string, len(months)), make([]string, len(months))
	for i, m := range months {
		if !m.None {
			heights[i] = eighths(m.Value, 0, top, rows)
		}
		names[i], values[i] = m.Label, m.text()
	}
	out := make([]string, 0, rows+2)
	for r := rows - 1; r >= 0; r-- {
		var l line
		switch r {
		case rows - 1:
			l.at(0, pad(topText, axisW-1)+"┤")
		case 0:
			l.at(0, pad(zero, axisW-1)+"┤")
		default:
			l.at(0, strings.Repeat(" ", axisW-1)+"│")
		}
		for i, m := range months {
			var b strings.Builder
			for range bar {
				switch {
				case m.None && r == 0:
					b.WriteRune(NoData)
				default:
					b.WriteRune(cell(upward, heights[i], r))
				}
			}
			l.at(axisW+i*col, b.String())
		}
		out = append(out, l.fit(width))
	}
	out = append(out, labels(names, axisW, col, width))
	if widest(values) < col {
		out = append(out, under(values, axisW, col, width))
	}
	return strings.Join(out, "\n")
}

// pad right-aligns s in w cells.
func pad(s string, w int) string {
	return strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) + s
}
