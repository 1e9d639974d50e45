package domain

import (
	"testing"
	"time"
)

// Spread holds for receipts every five hours from 2017 to 2030 (the years whose bank
// holidays are known: five is prime to 24, so every hour of the day is met on each
// kind of day), under each rule; and under 2 working days its
// bounds are nearly met, so it is not a bound too loose to be of use.
func TestDeadlineSpread(t *testing.T) {
	for _, rule := range DeadlineRules {
		t.Run(string(rule), func(t *testing.T) {
			shortest, longest := rule.Spread()
			least, most := time.Duration(1<<62), time.Duration(0)
			for at := time.Date(2017, 1, 1, 0, 30, 0, 0, time.UTC); at.Year() < 2031; at = at.Add(5 * time.Hour) {
				d := rule.Due(at).Sub(at)
				least, most = min(least, d), max(most, d)
			}
			if least < shortest || most > longest {
				t.Fatalf("deadlines from %s to %s after receipt, outside the spread %s to %s", least, most, shortest, longest)
			}
			if rule == Deadline2WorkingDays && (least != shortest || most < 6*24*time.Hour) {
				t.Errorf("deadlines from %s to %s: the spread %s to %s is not the tightest it could be", least, most, shortest, longest)
			}
		})
	}
}
