package caseview

import (
	"cmp"
	"context"
	"slices"

	"caseload/internal/domain"
)

// Outcomes is what the case view reads of a case's outcomes (docs/RULES.md, "Outcome
// measures", "Outcomes of the transition", "HCR-20 summary judgements"), and what the
// forms it opens need: the service's item wordings and its measure time points.
type Outcomes interface {
	MeasureScores(ctx context.Context, caseID int64) ([]domain.MeasureScore, error)
	TransitionOutcomes(ctx context.Context, caseID int64) ([]domain.TransitionOutcome, error)
	RiskJudgements(ctx context.Context, caseID int64) ([]domain.RiskJudgement, error)
	MeasureWordings(ctx context.Context) (map[string]map[int]string, error)
	Settings(ctx context.Context) ([]domain.Setting, error)
}

// outcomes are a case's outcomes as read.
type outcomes struct {
	scores      []domain.MeasureScore // oldest taken first, corrected ones included
	transitions []domain.TransitionOutcome
	judgements  []domain.RiskJudgement
	wordings    map[string]map[int]string
	points      []domain.TimePoint // the service's time points (the setting)
}

func readOutcomes(ctx context.Context, src Outcomes, caseID int64) (outcomes, error) {
	var o outcomes
	var err error
	if o.scores, err = src.MeasureScores(ctx, caseID); err != nil {
		return o, err
	}
	if o.transitions, err = src.TransitionOutcomes(ctx, caseID); err != nil {
		return o, err
	}
	if o.judgements, err = src.RiskJudgements(ctx, caseID); err != nil {
		return o, err
	}
	if o.wordings, err = src.MeasureWordings(ctx); err != nil {
		return o, err
	}
	settings, err := src.Settings(ctx)
	o.points = domain.MeasureTimePoints(settings)
	return o, err
}

// standing are the scores of measure id that stand (not replaced by a correction),
// oldest taken first; taken the same day, in the order of their time points (between
// them last), so a correction keeps the place of the score it replaced.
func (o outcomes) standing(id string) []domain.MeasureScore {
	var out []domain.MeasureScore
	for _, s := range o.scores {
		if s.Measure == id && s.ReplacedBy == 0 {
			out = append(out, s)
		}
	}
	rank := func(p domain.TimePoint) int {
		if i := slices.Index(domain.TimePoints, p); i >= 0 {
			return i
		}
		return len(domain.TimePoints)
	}
	slices.SortStableFunc(out, func(a, b domain.MeasureScore) int {
		return cmp.Or(a.TakenOn.Compare(b.TakenOn), cmp.Compare(rank(a.Point), rank(b.Point)))
	})
	return out
}

// replaced is the score a correction replaced, if it is one.
func (o outcomes) replaced(s domain.MeasureScore) (domain.MeasureScore, bool) {
	i := slices.IndexFunc(o.scores, func(x domain.MeasureScore) bool { return x.ID == s.Replaces })
	if s.Replaces == 0 || i < 0 {
		return domain.MeasureScore{}, false
	}
	return o.scores[i], true
}

// latestJudgement is the judgement recorded last, if any.
func (o outcomes) latestJudgement() (domain.RiskJudgement, bool) {
	if len(o.judgements) == 0 {
		return domain.RiskJudgement{}, false
	}
	return o.judgements[len(o.judgements)-1], true
}

// selectable are the standing scores in the order the tab lists them: by measure, as
// the app orders its measures, each oldest first. The cursor moves over these.
func (o outcomes) selectable() []domain.MeasureScore {
	var out []domain.MeasureScore
	for _, d := range domain.Measures() {
		out = append(out, o.standing(d.ID)...)
	}
	return out
}

// due are the measures due on the case on the view's day, the soonest first.
func (m *Model) due() []domain.MeasureDue {
	s := m.rec.summary
	c := domain.CaseOnPathway{CaseID: m.caseID, Person: s.Referral.Person, ClinicianID: s.Case.AllocatedClinicianID,
		Release: m.rec.release, Status: string(s.Case.Status), OpenedAt: s.Case.OpenedAt}
	var taken []domain.MeasureTaken
	for _, sc := range m.rec.outcomes.scores {
		taken = append(taken, domain.MeasureTaken{CaseID: m.caseID, Measure: sc.Measure, Point: sc.Point})
	}
	return domain.MeasuresDue([]domain.CaseOnPathway{c}, taken, m.rec.outcomes.points, m.today())
}
