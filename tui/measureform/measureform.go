// Package measureform records a score of an outcome measure on a case (docs/RULES.md,
// "Outcome measures"): the measure and its time point, the day it was taken, then item
// by item or total by total, with the score, band and clinical range worked out as it
// is typed. Saving signs it, after a confirmation naming what is signed. A signed score
// is never changed: a correction is a new score that replaces it, with the reason.
package measureform

import (
	"context"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/chart"
	"caseload/tui/component/form"
)

// Saver is what the form writes through: one transaction with its audit entry, which
// refuses a second score of a measure at a time point unless it replaces the one there.
type Saver interface {
	RecordMeasure(ctx context.Context, clinicianID int64, at time.Time, m domain.MeasureScore, totals map[string]float64) (domain.MeasureScore, error)
}

// answers holds what is typed, outliving any rebuild of the form after a refusal.
type answers struct {
	measure string // the definition's id
	point   string // a domain.TimePoint; "" between time points
	day     string
	why     string              // a correction's reason
	items   map[string][]string // by measure: each item's response as typed
	totals  map[string][]string // by measure: each scale's total as typed, in the scales' order
}

// New is the measure form of o's case: a new score of o's measure at its point (due or
// chosen; the first measure when none), or, when o.Replaces.ID is set, the correction
// of that score.
func New(com common.Common, saver Saver, o common.RecordMeasureMsg) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	a := start(o, today)
	title := "Record a measure · " + o.Person
	if o.Replaces.ID != 0 {
		title = "Correct a measure · " + o.Person
	}
	return form.New(com, form.Spec{
		Title:   title,
		Intro:   func(w int) []string { return a.intro(com, o, w) },
		Fields:  func() []*huh.Group { return a.fields(o, today) },
		Submit:  func() ([]string, tea.Cmd) { return a.submit(com, saver, o, today) },
		Confirm: func() form.Confirmation { return a.confirmation(com, o) },
	})
}

// start is what the form opens with: the measure and point asked for (the first
// measure when none), today, and for a correction everything the score being replaced
// says.
func start(o common.RecordMeasureMsg, today ident.Date) *answers {
	a := &answers{measure: o.Measure, point: string(o.Point), day: today.String(),
		items: map[string][]string{}, totals: map[string][]string{}}
	if _, ok := domain.MeasureByID(a.measure); !ok {
		a.measure = domain.Measures()[0].ID
	}
	for _, d := range domain.Measures() {
		a.items[d.ID] = make([]string, len(d.Items))
		a.totals[d.ID] = make([]string, len(d.Scales))
	}
	if r := o.Replaces; r.ID != 0 {
		a.measure, a.point, a.day = r.Measure, string(r.Point), r.TakenOn.String()
		for i, v := range r.Answers {
			if i < len(a.items[r.Measure]) && v != domain.MissingAnswer {
				a.items[r.Measure][i] = strconv.Itoa(v)
			}
		}
		if d, ok := domain.MeasureByID(r.Measure); ok && d.Entry == domain.EntryTotals {
			for i, s := range d.Scales {
				if v, ok := r.Result.Of(s.ID); ok {
					a.totals[r.Measure][i] = chart.Number(v)
				}
			}
		}
	}
	return a
}
