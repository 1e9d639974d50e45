package caseview

import (
	"fmt"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// beside is the width from which a measure's chart stands beside its scores rather
// than above them; chartWidth is the chart's width: five scores a column each, with
// room for more.
const (
	beside     = 120
	chartWidth = 44
)

// outcomeLines is the Outcomes tab: the measures due, each measure taken with its
// chart, its scores and the change from the first to the latest in words, its
// copyright line; then the outcomes of the transition at each point and the latest
// HCR-20 V3 summary judgement. at is the line each standing score is listed on, in
// the order the cursor moves over them.
func (m *Model) outcomeLines() (lines []string, at []int) {
	t := m.com.Theme
	o := m.rec.outcomes
	out := []string{t.Section.Render("Measures"), ""}
	out = append(out, m.dueLines()...)
	first := 0
	for _, d := range domain.Measures() {
		scores := o.standing(d.ID)
		if len(scores) == 0 {
			continue
		}
		block, rows := m.measureBlock(d, scores, first)
		for _, r := range rows {
			at = append(at, len(out)+r)
		}
		out = append(out, block...)
		first += len(scores)
	}
	if first == 0 {
		out = append(out, "No measure recorded yet: t records one.", "")
	}
	out = append(out, m.transitionLines()...)
	out = append(out, "")
	out = append(out, m.judgementLines()...)
	return out, at
}

// dueLines are the measures due on the case, with t to record the first.
func (m *Model) dueLines() []string {
	if m.closed() {
		return nil
	}
	t := m.com.Theme
	var out []string
	for i, d := range m.due() {
		text := fmt.Sprintf("Due: %s %s, on %s", d.Measure.Name, d.Point.Words(), d.On.Medium())
		style := t.DueSoon
		if d.On.Before(m.today()) {
			text = fmt.Sprintf("Overdue: %s %s, due on %s", d.Measure.Name, d.Point.Words(), d.On.Medium())
			style = t.Overdue
		}
		if i == 0 {
			text += " (t records it)"
		}
		out = append(out, style.Render(common.Clip(text, m.width)))
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	return out
}

// measureBlock is one measure: its heading, its chart beside or above its scores, the
// change in words, the legend of the chart's marks and its copyright line. rows are the
// lines of its scores within the block.
func (m *Model) measureBlock(d domain.MeasureDefinition, scores []domain.MeasureScore, first int) ([]string, []int) {
	t := m.com.Theme
	out := []string{common.Clip(t.Header.Render(d.Name)+t.Muted.Render(" · "+measureFacts(d)), m.width)}
	list, listRows := m.scoreLines(d, scores, first)
	cw := min(m.width, chartWidth)
	graph := strings.Split(chart.Scores(chartScores(d, scores), chartRange(d), cw, m.chartRows()), "\n")
	var rows []int
	if m.width >= beside {
		// The scores stand to the right of the chart, from its top line.
		for i := range max(len(graph), len(list)) {
			left, right := common.Fit("", cw), ""
			if i < len(graph) {
				left = graph[i]
			}
			if i < len(list) {
				right = list[i]
			}
			out = append(out, left+"  "+right)
		}
		for _, r := range listRows {
			rows = append(rows, 1+r)
		}
	} else {
		out = append(out, graph...)
		for _, r := range listRows {
			rows = append(rows, len(out)+r)
		}
		out = append(out, list...)
	}
	out = append(out, m.changeLines(d, scores)...)
	for _, l := range common.Wrap(d.Copyright, max(m.width, 1)) {
		out = append(out, t.Muted.Render(l))
	}
	return append(out, ""), rows
}

// measureFacts are what the chart is read against: "lower is better · clinical
// cut-off 11 · reliable change 6".
func measureFacts(d domain.MeasureDefinition) string {
	parts := []string{string(d.Better) + " is better"}
	if c := d.ClinicalCutOff; c != nil {
		parts = append(parts, "clinical cut-off "+chart.Number(*c))
	}
	if d.ReliableChange > 0 {
		parts = append(parts, "reliable change "+chart.Number(d.ReliableChange))
	}
	return strings.Join(parts, " · ")
}

// chartRows is how tall a measure's chart is: taller where the window has the room.
func (m *Model) chartRows() int {
	if m.height >= 40 {
		return 6
	}
	return 4
}

// chartScores are the scores as the chart draws them, each later one marked when it
// is reliably better or worse than the first.
func chartScores(d domain.MeasureDefinition, scores []domain.MeasureScore) []chart.Score {
	out := make([]chart.Score, len(scores))
	for i, s := range scores {
		out[i] = chart.Score{Label: s.TakenOn.In(time.UTC).Format("Jan 2006"), Value: s.Total()}
		if i == 0 {
			continue
		}
		switch c := d.Change(scores[0].Total(), s.Total()); {
		case c.Improved:
			out[i].Mark = chart.Better
		case c.Worse:
			out[i].Mark = chart.Worse
		}
	}
	return out
}

func chartRange(d domain.MeasureDefinition) chart.Range {
	r := chart.Range{Min: d.Total().Min, Max: d.Total().Max}
	if c := d.ClinicalCutOff; c != nil {
		r.Cut, r.HasCut = *c, true
	}
	return r
}
