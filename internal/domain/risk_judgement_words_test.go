package domain

import (
	"testing"

	"caseload/internal/ident"
)

func TestRiskJudgementReview(t *testing.T) {
	today := ident.MustDate(2026, 11, 24)
	tests := []struct {
		name    string
		review  ident.Date
		want    string
		overdue bool
	}{
		{"none", ident.Date{}, "no review date set", false},
		{"ahead", ident.MustDate(2026, 12, 6), "review by 6 Dec 2026, in 12 days", false},
		{"tomorrow", ident.MustDate(2026, 11, 25), "review by 25 Nov 2026, in 1 day", false},
		{"today", today, "review due today, 24 Nov 2026", false},
		{"yesterday", ident.MustDate(2026, 11, 23), "review was due 23 Nov 2026: overdue by 1 day", true},
		{"long past", ident.MustDate(2026, 8, 3), "review was due 3 Aug 2026: overdue by 113 days", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, overdue := RiskJudgement{ReviewOn: tt.review}.Review(today)
			if got != tt.want || overdue != tt.overdue {
				t.Errorf("got %q %v, want %q %v", got, overdue, tt.want, tt.overdue)
			}
		})
	}
	j := RiskJudgement{CasePrioritisation: RiskModerate, SeriousHarm: RiskHigh, ImminentViolence: RiskLow}
	if got := j.Ratings(); got != "case prioritisation moderate, serious physical harm high, imminent violence low" {
		t.Errorf("Ratings: %q", got)
	}
}
