package domain

import (
	"fmt"

	"caseload/internal/ident"
)

// Ratings are the judgement's three summary ratings in words: "case prioritisation
// moderate, serious physical harm high, imminent violence low".
func (j RiskJudgement) Ratings() string {
	return fmt.Sprintf("case prioritisation %s, serious physical harm %s, imminent violence %s",
		j.CasePrioritisation, j.SeriousHarm, j.ImminentViolence)
}

// Review says when the judgement is to be reviewed on today, and whether that is past:
// "review by 3 Aug 2027, in 12 days", "review was due 3 Aug 2026: overdue by 12
// days", "no review date set". Overdue is true when the review day has passed.
func (j RiskJudgement) Review(today ident.Date) (words string, overdue bool) {
	switch days := today.DaysUntil(j.ReviewOn); {
	case j.ReviewOn.IsZero():
		return "no review date set", false
	case days < 0:
		return fmt.Sprintf("review was due %s: overdue by %s", j.ReviewOn.Medium(), plural(-days, "day")), true
	case days == 0:
		return fmt.Sprintf("review due today, %s", j.ReviewOn.Medium()), false
	default:
		return fmt.Sprintf("review by %s, in %s", j.ReviewOn.Medium(), plural(days, "day")), false
	}
}
