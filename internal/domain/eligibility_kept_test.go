package domain

import "testing"

// The kept answer is the rule itself, the first time and every time after, for known
// places, counties, places outside, typos with their nearest places, and blanks.
func TestKeptResettlementIsTheRule(t *testing.T) {
	for _, name := range []string{"Preston", "Prestn", "Kendal", "Lancs", "Lancashire", "Manchester", "Leeds", "",
		"  Preston  ", "Westmorland and Furness", "Zzzz", "St Anne's", "Barrow"} {
		for _, ap := range []YesNo{Yes, No, ""} {
			want := checkResettlement(name, ap)
			for range 2 {
				if got := keptResettlement(name, ap); got != want {
					t.Errorf("%q, %q: kept %+v, want %+v", name, ap, got, want)
				}
			}
		}
	}
}
