package measureform

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// score is what is typed, scored by the measure's rules (domain), with the responses or
// totals it was scored from; the error says, as the measure does, why it cannot be
// scored yet.
func (a *answers) score() (domain.MeasureResult, []int, map[string]float64, error) {
	d, ok := domain.MeasureByID(a.measure)
	if !ok {
		return domain.MeasureResult{}, nil, nil, errors.New("choose a measure")
	}
	if d.Entry == domain.EntryItems {
		responses := make([]int, len(d.Items))
		for i, v := range a.items[d.ID] {
			n, err := response(d, v)
			if err != nil {
				return domain.MeasureResult{}, nil, nil, fmt.Errorf("item %d: %w", i+1, err)
			}
			responses[i] = n
		}
		r, err := d.ScoreItems(responses)
		return r, responses, nil, err
	}
	totals := map[string]float64{}
	for i, s := range d.Scales {
		v, given, err := total(d, s, a.totals[d.ID][i])
		if err != nil {
			return domain.MeasureResult{}, nil, nil, err
		}
		if given {
			totals[s.ID] = v
		}
	}
	r, err := d.ScoreTotals(totals)
	return r, nil, totals, err
}

// total reads one scale's total as typed; given is false when it is blank. A number
// the measure's rules refuse for that scale is refused in their words: it is judged
// alone, beside the total's minimum when it is a subscale, so nothing else is judged.
func total(d domain.MeasureDefinition, s domain.MeasureScale, v string) (value float64, given bool, err error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, false, fmt.Errorf("type the %s of %s as a number from %s to %s", s.Name, d.Name, chart.Number(s.Min), chart.Number(s.Max))
	}
	alone := map[string]float64{"total": d.Total().Min, s.ID: n}
	if _, err := d.ScoreTotals(alone); err != nil {
		return 0, false, plain(err)
	}
	return n, true, nil
}

// scoreWords is the score so far in words: "Score 14 · band mild · in the clinical
// range (11 or more)", or why it cannot be scored yet.
func scoreWords(d domain.MeasureDefinition, r domain.MeasureResult, err error) (string, bool) {
	if err != nil {
		return "Not scored yet: " + common.Sentence(err, domain.ErrMeasure), false
	}
	total := r.Total()
	parts := []string{fmt.Sprintf("Score %s (%s to %s)", chart.Number(total), chart.Number(d.Total().Min), chart.Number(d.Total().Max))}
	if r.Prorated {
		parts[0] += ", pro-rated from the items answered"
	}
	if band := d.Band(total); band != "" {
		parts = append(parts, "band "+band)
	}
	if c := d.ClinicalCutOff; c != nil {
		if d.Clinical(total) {
			parts = append(parts, fmt.Sprintf("in the clinical range (cut-off %s)", chart.Number(*c)))
		} else {
			parts = append(parts, fmt.Sprintf("below the clinical range (cut-off %s)", chart.Number(*c)))
		}
	}
	var subs []string
	for _, s := range d.Scales[1:] {
		if v, ok := r.Of(s.ID); ok {
			subs = append(subs, s.Name+" "+chart.Number(v))
		}
	}
	if len(subs) > 0 {
		parts = append(parts, strings.Join(subs, ", "))
	}
	return strings.Join(parts, " · "), true
}

// plain is a refusal of the measure's rules without its marker, for under a field.
func plain(err error) error {
	return errors.New(strings.TrimPrefix(err.Error(), domain.ErrMeasure.Error()+": "))
}
