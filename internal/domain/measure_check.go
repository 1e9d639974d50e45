package domain

import (
	"fmt"
	"math"
	"slices"
)

// checkScales refuses scales that repeat, have no range, or bands that leave gaps in
// the total's range or overlap.
func (d MeasureDefinition) checkScales() error {
	seen := map[string]bool{}
	for _, s := range d.Scales {
		if s.ID == "" || seen[s.ID] || !(s.Min < s.Max) || math.IsInf(s.Max, 0) {
			return fmt.Errorf("scale %q needs its own id and a range from min to a larger max", s.ID)
		}
		seen[s.ID] = true
	}
	t := d.Total()
	if c := d.ClinicalCutOff; c != nil && (*c < t.Min || *c > t.Max) {
		return fmt.Errorf("the clinical cut-off %g is outside the total's %g to %g", *c, t.Min, t.Max)
	}
	next := t.Min
	for i, b := range d.Bands {
		if b.From != next || b.To < b.From || b.Name == "" {
			return fmt.Errorf("band %d must be named and start at %g, where the last one ended", i+1, next)
		}
		next = b.To + 1
	}
	if len(d.Bands) > 0 && next-1 != t.Max {
		return fmt.Errorf("the bands must end at the total's maximum, %g", t.Max)
	}
	return nil
}

// checkItems refuses items out of order, responses that repeat, and scales whose
// range is not what their items can score.
func (d MeasureDefinition) checkItems() error {
	if len(d.Items) == 0 || len(d.Options) < 2 {
		return fmt.Errorf("a measure entered item by item needs items and at least two responses")
	}
	if d.MaxMissing < 0 || d.MaxMissing >= len(d.Items) {
		return fmt.Errorf("max_missing must leave at least one item answered")
	}
	var values []int
	for _, o := range d.Options {
		if slices.Contains(values, o.Value) || o.Value < 0 {
			return fmt.Errorf("response %d is repeated or negative", o.Value)
		}
		values = append(values, o.Value)
	}
	lo, hi := float64(slices.Min(values)), float64(slices.Max(values))
	count := map[string]int{"total": len(d.Items)}
	for i, it := range d.Items {
		if it.Number != i+1 {
			return fmt.Errorf("item %d is numbered %d", i+1, it.Number)
		}
		if it.Subscale != "" {
			if !slices.ContainsFunc(d.Scales[1:], func(s MeasureScale) bool { return s.ID == it.Subscale }) {
				return fmt.Errorf("item %d counts towards %q, which is not one of its scales", it.Number, it.Subscale)
			}
			count[it.Subscale]++
		}
	}
	for _, s := range d.Scales {
		n := float64(count[s.ID])
		if s.Min != lo*n || s.Max != hi*n {
			return fmt.Errorf("scale %q runs %g to %g, but its %g items score %g to %g", s.ID, s.Min, s.Max, n, lo*n, hi*n)
		}
	}
	return nil
}
