package domain

import (
	"fmt"
	"math"
)

// Band is the name of the band the total v falls in; "" for a measure without bands.
// A pro-rated total between two bands' whole numbers belongs to the lower band.
func (d MeasureDefinition) Band(v float64) string {
	for i, b := range d.Bands {
		last := i == len(d.Bands)-1
		if v >= b.From && (last && v <= b.To || !last && v < d.Bands[i+1].From) {
			return b.Name
		}
	}
	return ""
}

// Clinical reports whether the total v is in the clinical range: at or past the
// clinical cut-off in the worse direction. False for a measure without a cut-off.
func (d MeasureDefinition) Clinical(v float64) bool {
	c := d.ClinicalCutOff
	if c == nil {
		return false
	}
	if d.Better == LowerIsBetter {
		return v >= *c
	}
	return v <= *c
}

// MeasureChange is how a total moved from one score to a later one.
type MeasureChange struct {
	From, To float64
	Delta    float64 // To - From
	Reliable bool    // at least the measure's reliable change
	Improved bool    // reliably, in the better direction
	Worse    bool    // reliably, in the worse direction
	// Recovered: reliably improved and moved out of the clinical range (clinically
	// significant change).
	Recovered bool
	Words     string
}

// Change is how the total moved from from to to, with reliable improvement or
// deterioration judged by the measure's reliable change (docs/RULES.md, "Reliable
// change"): a change of at least that size in the better direction is a reliable
// improvement. A measure without the figure never says reliable.
func (d MeasureDefinition) Change(from, to float64) MeasureChange {
	c := MeasureChange{From: from, To: to, Delta: math.Round((to-from)*10) / 10}
	size := math.Abs(c.Delta)
	better := c.Delta < 0 == (d.Better == LowerIsBetter)
	c.Reliable = d.ReliableChange > 0 && size >= d.ReliableChange
	c.Improved = c.Reliable && better
	c.Worse = c.Reliable && !better
	c.Recovered = c.Improved && d.Clinical(from) && !d.Clinical(to)
	moved := fmt.Sprintf("%s to %s", num(from), num(to))
	if c.Delta != 0 {
		way := "higher"
		if c.Delta < 0 {
			way = "lower"
		}
		moved += fmt.Sprintf(", %s %s", plural(int(math.Ceil(size)), "point"), way)
		if size != math.Trunc(size) {
			moved = fmt.Sprintf("%s to %s, %s points %s", num(from), num(to), num(size), way)
		}
	}
	rule := fmt.Sprintf(" (%s or more is reliable)", num(d.ReliableChange))
	switch {
	case d.ReliableChange == 0:
		c.Words = moved + fmt.Sprintf(": %s has no reliable change figure, so this is not judged", d.Name)
	case c.Delta == 0:
		c.Words = "no change: " + moved
	case c.Improved:
		c.Words = "reliably improved: " + moved + rule
		if c.Recovered {
			c.Words += fmt.Sprintf(", and out of the clinical range (cut-off %s)", num(*d.ClinicalCutOff))
		}
	case c.Worse:
		c.Words = "reliably worse: " + moved + rule
	default:
		c.Words = "no reliable change: " + moved + rule
	}
	return c
}
