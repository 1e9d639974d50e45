package caseview

import (
	"cmp"
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// scoreLines list a measure's standing scores, oldest first, the one under the cursor
// marked ▸ (and shown selected): the day, the time point, the total, its band and
// whether it is in the clinical range; a correction says under it what it replaced and
// why. rows are the lines of the scores.
func (m *Model) scoreLines(d domain.MeasureDefinition, scores []domain.MeasureScore, first int) ([]string, []int) {
	t := m.com.Theme
	w := m.width
	if w >= beside {
		w -= chartWidth + 2
	}
	pw := 0 // the widest time point listed, so the totals line up
	for _, s := range scores {
		pw = max(pw, len(s.Point.Words()))
	}
	var out []string
	var rows []int
	for i, s := range scores {
		mark := "  "
		if first+i == m.cursor {
			mark = "▸ "
		}
		line := fmt.Sprintf("%s%-11s  %-*s %5s  %s", mark, s.TakenOn.Medium(), pw, s.Point.Words(), chart.Number(s.Total()), standing(d, s.Total()))
		line = common.Fit(line, w)
		if first+i == m.cursor {
			line = t.Selected.Render(line)
		}
		rows = append(rows, len(out))
		out = append(out, line)
		if old, ok := m.rec.outcomes.replaced(s); ok {
			why := fmt.Sprintf("    corrects %s (was %s, recorded by %s): %s", old.TakenOn.Medium(), chart.Number(old.Total()),
				old.RecordedByName, s.Why)
			out = append(out, t.Muted.Render(common.Fit(why, w)))
		}
	}
	return out, rows
}

// standing is a total's band and range in words: "mild, clinical range".
func standing(d domain.MeasureDefinition, v float64) string {
	var parts []string
	if b := d.Band(v); b != "" {
		parts = append(parts, b)
	}
	if d.Clinical(v) {
		parts = append(parts, "clinical range")
	}
	return strings.Join(parts, ", ")
}

// changeLines say how the total moved from the first score to the latest, in the
// measure's words (reliable improvement or deterioration named and explained), and
// what the chart's marks mean.
func (m *Model) changeLines(d domain.MeasureDefinition, scores []domain.MeasureScore) []string {
	t := m.com.Theme
	if len(scores) < 2 {
		return []string{t.Muted.Render(common.Clip("One score so far: the change shows from the second.", m.width))}
	}
	first, last := scores[0], scores[len(scores)-1]
	c := d.Change(first.Total(), last.Total())
	style := t.Due
	switch {
	case c.Improved:
		style = t.Pass
	case c.Worse:
		style = t.Fail
	}
	var out []string
	text := fmt.Sprintf("From %s to %s: %s.", first.TakenOn.Medium(), last.TakenOn.Medium(), c.Words)
	for _, l := range common.Wrap(text, max(m.width, 1)) {
		out = append(out, style.Render(l))
	}
	legend := []string{}
	if d.ReliableChange > 0 {
		legend = append(legend, string(chart.Better)+" reliably better than the first", string(chart.Worse)+" reliably worse")
	}
	if d.ClinicalCutOff != nil {
		legend = append(legend, string(chart.Cut)+" clinical cut-off")
	}
	if len(legend) > 0 {
		out = append(out, t.Muted.Render(common.Clip(strings.Join(legend, "  "), m.width)))
	}
	return out
}

// transitionLines are the outcomes standing at each point, by whom and when.
func (m *Model) transitionLines() []string {
	t := m.com.Theme
	by := domain.StandingOutcomes(m.rec.outcomes.transitions)
	var pairs [][2]string
	for _, p := range domain.OutcomePoints {
		o, ok := by[p]
		text := "not recorded"
		if ok {
			text = fmt.Sprintf("%s (%s, %s)", o.Describe(), o.RecordedByName, common.MediumTime(o.RecordedAt, m.com.London))
		}
		pairs = append(pairs, [2]string{common.Capital(p.Words()), text})
	}
	return append([]string{t.Section.Render("Transition outcomes") + t.Muted.Render("  g records them"), ""},
		labelled(m.com, pairs, m.width)...)
}

// judgementLines are the latest HCR-20 V3 summary judgement, with its review in words.
func (m *Model) judgementLines() []string {
	t := m.com.Theme
	out := []string{t.Section.Render("HCR-20 V3 summary judgement") + t.Muted.Render("  v records one"), ""}
	j, ok := m.rec.outcomes.latestJudgement()
	if !ok {
		return append(out, "None recorded.")
	}
	review, overdue := j.Review(m.today())
	if overdue {
		review = t.Overdue.Render(review)
	}
	pairs := [][2]string{
		{"Ratings", j.Ratings()},
		{"Assessed", fmt.Sprintf("%s by %s; signed by %s, %s", j.AssessedOn.Medium(), j.Assessor, j.RecordedByName,
			common.MediumTime(j.RecordedAt, m.com.London))},
		{"Review", review},
		{"Formulation", cmp.Or(j.Formulation, "none written")},
	}
	if n := len(m.rec.outcomes.judgements) - 1; n > 0 {
		pairs = append(pairs, [2]string{"Earlier", fmt.Sprintf("%d earlier judgement(s) in the history", n)})
	}
	return append(out, labelled(m.com, pairs, m.width)...)
}
