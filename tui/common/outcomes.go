package common

import "caseload/internal/domain"

// RecordMeasureMsg asks the root to open the measure form of a case (docs/RULES.md,
// "Outcome measures"): a new score of Measure at Point, both chosen in the form when
// "" (a measure due names them), or, when Replaces.ID is set, the correction of that
// recorded score, which the new one replaces.
type RecordMeasureMsg struct {
	CaseID   int64
	Person   string
	Measure  string
	Point    domain.TimePoint
	Replaces domain.MeasureScore
	Wordings map[string]map[int]string // the item wordings the service entered
}

// RecordTransitionOutcomeMsg asks the root to open the transition outcomes form of a
// case at Point ("" lets the form choose), with the outcomes standing at each point as
// the case view showed them: a save over one recorded since is refused.
type RecordTransitionOutcomeMsg struct {
	CaseID   int64
	Person   string
	Point    domain.TimePoint
	Standing []domain.TransitionOutcome
}

// RecordRiskJudgementMsg asks the root to open the HCR-20 V3 summary judgement form of
// a case, with its latest judgement as shown (ID 0: none), whose answers it starts from.
type RecordRiskJudgementMsg struct {
	CaseID int64
	Person string
	Latest domain.RiskJudgement
}
