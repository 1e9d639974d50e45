package measureform

import (
	"fmt"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// scoreLines is the room the score so far takes above the form.
const scoreLines = 2

// intro is what stands above the form: what is being recorded, the score so far as
// typed (worked out again on every frame, so it follows each key), and the measure's
// copyright line, which is shown wherever it is entered. Its number of lines depends
// only on the width, so the form does not jump as the measure or the score changes.
func (a *answers) intro(com common.Common, o common.RecordMeasureMsg, w int) []string {
	t := com.Theme
	d, _ := domain.MeasureByID(a.measure)
	head := d.Name + " " + domain.TimePoint(a.point).Words()
	if day, err := ident.ParseDate(a.day); err == nil {
		head += ", taken " + day.Medium()
	}
	if r := o.Replaces; r.ID != 0 {
		head = fmt.Sprintf("Correcting the %s %s of %s: %s", d.Name, r.Point.Words(), r.TakenOn.Medium(), recorded(d, r))
	}
	out := []string{t.Header.Render(common.Fit(head, w))}
	r, _, _, err := a.score()
	words, scored := scoreWords(d, r, err)
	style := t.Muted
	if scored {
		style = t.Title
	}
	for _, l := range common.Exactly(common.Wrap(words, max(w, 1)), scoreLines, w) {
		out = append(out, style.Render(l))
	}
	for _, l := range common.Exactly(common.Wrap(d.Copyright, max(w, 1)), copyrightLines(w), w) {
		out = append(out, t.Muted.Render(l))
	}
	return out
}

// recorded is a recorded score in a few words: "16, moderate".
func recorded(d domain.MeasureDefinition, m domain.MeasureScore) string {
	s := chart.Number(m.Total())
	if band := d.Band(m.Total()); band != "" {
		s += ", " + band
	}
	return s
}

// copyrightLines is the most lines any measure's copyright line takes at width w.
func copyrightLines(w int) int {
	n := 1
	for _, d := range domain.Measures() {
		n = max(n, len(common.Wrap(d.Copyright, max(w, 1))))
	}
	return n
}
