package report

import (
	"math"
	"slices"
)

// median is the middle value, or the mean of the two middle values of an even count;
// nil for no values. xs is not changed.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	m := s[n/2]
	if n%2 == 0 {
		m = (s[n/2-1] + s[n/2]) / 2
	}
	return rounded(m, 1)
}

// nearestRank is the p-th centile by the nearest-rank method: the value at rank
// ceil(p/100 × n) of the sorted values, so it is always a value that occurred (a day
// count stays a whole number of days); nil for no values.
func nearestRank(xs []float64, p float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := max(int(math.Ceil(p/100*float64(len(s)))), 1)
	return rounded(s[rank-1], 1)
}

// percent is n of all as a percentage to one decimal place; nil when all is 0 (a
// percentage of nobody is not 0%).
func percent(n, all int) *float64 {
	if all == 0 {
		return nil
	}
	return rounded(100*float64(n)/float64(all), 1)
}

// mean is the average to two decimal places; nil for no values.
func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return rounded(sum/float64(len(xs)), 2)
}

// rounded is x to places decimal places, halves away from zero, as a figure.
func rounded(x float64, places int) *float64 {
	p := math.Pow(10, float64(places))
	v := math.Round(x*p) / p
	return &v
}
