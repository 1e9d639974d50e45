package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/internal/ident"
)

// RiskJudgement is the summary of a structured professional judgement of violence
// risk, the HCR-20 V3's final judgements only (docs/RULES.md, "HCR-20 summary
// judgements"): the manual is commercial, so the app holds neither its item text nor
// item ratings, only the three summary risk ratings, when and by whom it was done, when
// it is to be reviewed, and the clinician's own formulation. Signed when saved.
type RiskJudgement struct {
	ID                 int64
	CaseID             int64
	CasePrioritisation RiskLevel
	SeriousHarm        RiskLevel // risk of serious physical harm
	ImminentViolence   RiskLevel
	AssessedOn         ident.Date
	Assessor           string // who did it: a clinician of the team or of another service
	ReviewOn           ident.Date
	Formulation        string
	RecordedBy         int64
	RecordedByName     string
	RecordedAt         time.Time
	Hash               string
}

// RiskLevel is a summary risk rating.
type RiskLevel string

// The ratings, lowest first.
const (
	RiskLow      RiskLevel = "low"
	RiskModerate RiskLevel = "moderate"
	RiskHigh     RiskLevel = "high"
)

// RiskLevels lists them lowest first.
var RiskLevels = []RiskLevel{RiskLow, RiskModerate, RiskHigh}

// ErrRiskJudgement marks a risk judgement refused by its rules.
var ErrRiskJudgement = errors.New("risk judgement refused")

// CheckRiskJudgement refuses a judgement missing any of its three ratings, its day or
// its assessor, dated after today, or with a review before the assessment.
func CheckRiskJudgement(j RiskJudgement, today ident.Date) error {
	for _, r := range []struct {
		name string
		v    RiskLevel
	}{{"case prioritisation", j.CasePrioritisation}, {"serious physical harm", j.SeriousHarm}, {"imminent violence", j.ImminentViolence}} {
		if !slices.Contains(RiskLevels, r.v) {
			return fmt.Errorf("%w: rate %s as low, moderate or high", ErrRiskJudgement, r.name)
		}
	}
	switch {
	case j.AssessedOn.IsZero():
		return fmt.Errorf("%w: give the day it was assessed", ErrRiskJudgement)
	case j.AssessedOn.After(today):
		return fmt.Errorf("%w: it cannot have been assessed after today", ErrRiskJudgement)
	case strings.TrimSpace(j.Assessor) == "":
		return fmt.Errorf("%w: say who assessed it", ErrRiskJudgement)
	case !j.ReviewOn.IsZero() && !j.ReviewOn.After(j.AssessedOn):
		return fmt.Errorf("%w: the review must be after the assessment", ErrRiskJudgement)
	}
	return nil
}

// RiskJudgementHash is the signature of a recorded judgement.
func RiskJudgementHash(j RiskJudgement) string {
	c := &canon{}
	c.s("hcr-20-v3").i(j.ID).i(j.CaseID).s(string(j.CasePrioritisation)).s(string(j.SeriousHarm)).s(string(j.ImminentViolence))
	c.s(j.AssessedOn.String()).s(j.Assessor).s(j.ReviewOn.String()).s(j.Formulation).i(j.RecordedBy).t(j.RecordedAt)
	return c.sum()
}
