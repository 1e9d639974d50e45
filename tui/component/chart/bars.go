package chart

import (
	"strings"

	"caseload/tui/common"
)

// Count is one labelled count of a bar chart.
type Count struct {
	Label string
	Value float64 // the bar's length against the chart's top
	Text  string  // written beside the bar; Number(Value) when empty
}

// text is what is written beside the bar.
func (c Count) text() string {
	if c.Text != "" {
		return c.Text
	}
	return Number(c.Value)
}

// barRoom is the most cells a bar is given below which the labels are cut to make room.
const barRoom = 10

// Bars draws one line per count, each exactly width cells: the label, a bar of blocks
// as long against the longest bar room as its value is against top (the largest value
// when top is 0), and the number written after the bar. A bar for any value above zero
// is at least an eighth of a cell, so a small count never reads as none. Labels are cut
// (with an ellipsis) before the bars are squeezed below ten cells; when there is no room
// for a bar at all, each line is the label and its number.
func Bars(counts []Count, top float64, width int) string {
	if width <= 0 || len(counts) == 0 {
		return ""
	}
	texts, names := make([]string, len(counts)), make([]string, len(counts))
	for i, c := range counts {
		texts[i], names[i] = c.text(), c.Label
	}
	if top <= 0 {
		top = 0
		for _, c := range counts {
			top = max(top, c.Value)
		}
	}
	numW, nameW := widest(texts), widest(names)
	rest := width - numW - 2 // a space after the label and after the bar
	room := max(rest-nameW, min(rest/2, barRoom))
	nameW = rest - room
	lines := make([]string, len(counts))
	for i, c := range counts {
		if room < 1 || nameW < 1 {
			lines[i] = common.Fit(common.Clip(common.OneLine(c.Label), max(width-numW-1, 1))+" "+texts[i], width)
			continue
		}
		n := eighths(c.Value, 0, top, room)
		var b strings.Builder
		for j := range (n + 7) / 8 {
			b.WriteRune(cell(across, n, j))
		}
		lines[i] = common.Fit(common.Fit(c.Label, nameW)+" "+b.String()+" "+texts[i], width)
	}
	return strings.Join(lines, "\n")
}
