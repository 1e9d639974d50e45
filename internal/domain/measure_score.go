package domain

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// MissingAnswer marks an item left unanswered.
const MissingAnswer = -1

// ErrMeasure marks a score refused by its measure's rules.
var ErrMeasure = errors.New("measure refused")

// ScaleScore is one scale's score.
type ScaleScore struct {
	Scale string  `json:"scale"`
	Value float64 `json:"value"`
}

// MeasureResult is what a measure's answers or totals score.
type MeasureResult struct {
	Scores   []ScaleScore // the definition's scales that were scored, the total first
	Prorated bool         // scored from fewer items than the measure has
}

// Total is the score of the measure's total; 0 when not scored.
func (r MeasureResult) Total() float64 { return scaleValue(r.Scores, "total") }

// Of is the score of scale id, and whether it was scored.
func (r MeasureResult) Of(id string) (float64, bool) {
	i := slices.IndexFunc(r.Scores, func(s ScaleScore) bool { return s.Scale == id })
	if i < 0 {
		return 0, false
	}
	return r.Scores[i].Value, true
}

func scaleValue(scores []ScaleScore, id string) float64 {
	v, _ := MeasureResult{Scores: scores}.Of(id)
	return v
}

// ScoreItems scores a response for each item (MissingAnswer where unanswered): each
// scale is the sum of its items, pro-rated from the answered ones (their mean times
// the scale's number of items, to one decimal) when no more than MaxMissing items are
// missing (docs/RULES.md, "Outcome measures").
func (d MeasureDefinition) ScoreItems(answers []int) (MeasureResult, error) {
	if d.Entry != EntryItems {
		return MeasureResult{}, fmt.Errorf("%w: %s is entered as totals, not item by item", ErrMeasure, d.Name)
	}
	if len(answers) != len(d.Items) {
		return MeasureResult{}, fmt.Errorf("%w: %s has %d items, not %d", ErrMeasure, d.Name, len(d.Items), len(answers))
	}
	missing := 0
	for i, a := range answers {
		if a == MissingAnswer {
			missing++
			continue
		}
		if !slices.ContainsFunc(d.Options, func(o MeasureOption) bool { return o.Value == a }) {
			return MeasureResult{}, fmt.Errorf("%w: item %d takes %s, not %d", ErrMeasure, i+1, d.responses(), a)
		}
	}
	if missing > d.MaxMissing {
		return MeasureResult{}, fmt.Errorf("%w: %s", ErrMeasure, d.missingWords(missing))
	}
	var r MeasureResult
	for _, s := range d.Scales {
		sum, n, answered := 0, 0, 0
		for i, it := range d.Items {
			if s.ID != "total" && it.Subscale != s.ID {
				continue
			}
			n++
			if answers[i] != MissingAnswer {
				sum += answers[i]
				answered++
			}
		}
		v := float64(sum)
		if answered < n {
			v = math.Round(float64(sum)*float64(n)/float64(answered)*10) / 10
			r.Prorated = true
		}
		r.Scores = append(r.Scores, ScaleScore{s.ID, v})
	}
	return r, nil
}

// ScoreTotals takes the totals of a measure scored elsewhere: the total is needed, each
// subscale is optional, and every value must lie in its scale's range.
func (d MeasureDefinition) ScoreTotals(values map[string]float64) (MeasureResult, error) {
	if d.Entry != EntryTotals {
		return MeasureResult{}, fmt.Errorf("%w: %s is entered item by item, not as totals", ErrMeasure, d.Name)
	}
	for id := range values {
		if !slices.ContainsFunc(d.Scales, func(s MeasureScale) bool { return s.ID == id }) {
			return MeasureResult{}, fmt.Errorf("%w: %s has no scale %q", ErrMeasure, d.Name, id)
		}
	}
	var r MeasureResult
	for _, s := range d.Scales {
		v, ok := values[s.ID]
		if !ok {
			if s.ID == "total" {
				return MeasureResult{}, fmt.Errorf("%w: give the %s of %s", ErrMeasure, s.Name, d.Name)
			}
			continue
		}
		if math.IsNaN(v) || v < s.Min || v > s.Max || v != math.Trunc(v) {
			return MeasureResult{}, fmt.Errorf("%w: the %s of %s is a whole number from %s to %s, not %s",
				ErrMeasure, s.Name, d.Name, num(s.Min), num(s.Max), num(v))
		}
		r.Scores = append(r.Scores, ScaleScore{s.ID, v})
	}
	return r, nil
}

// responses are the values an item takes, as "0 to 4".
func (d MeasureDefinition) responses() string {
	vs := make([]int, len(d.Options))
	for i, o := range d.Options {
		vs[i] = o.Value
	}
	return fmt.Sprintf("%d to %d", slices.Min(vs), slices.Max(vs))
}

// missingWords says why too few items were answered to score.
func (d MeasureDefinition) missingWords(missing int) string {
	if d.MaxMissing == 0 {
		return fmt.Sprintf("%s is scored only with every item answered: %s", d.Name, plural(missing, "item")+" not answered")
	}
	return fmt.Sprintf("%s is scored with at most %s unanswered: %d are", d.Name, plural(d.MaxMissing, "item"), missing)
}

// num writes a score as people write it: 12, 12.5.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
