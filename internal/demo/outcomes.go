package demo

import (
	"context"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The outcomes (docs/RULES.md, "Outcome measures"): CORE-10 and WAI-SR at the time
// points already passed on cases the team held before caseload, so the Outcomes tab and
// the reports have lines to draw: some reliably improving, one out of the clinical
// range, one reliably worse, one with no reliable change; the transition outcomes at
// acceptance and release; an HCR-20 summary judgement.

// OutcomeStory is what one of ExistingCases has recorded.
type OutcomeStory struct {
	Case     int                      // an index into ExistingCases
	CORE10   map[domain.TimePoint]int // each item scored so the total is this
	WAISR    map[domain.TimePoint]int // the same, for the alliance
	Outcomes []domain.TransitionOutcome
	Risk     *domain.RiskJudgement
}

// OutcomeStories are the demo's measured cases.
func OutcomeStories() []OutcomeStory {
	type tp = domain.TimePoint
	const (
		acc, rel, six = domain.PointAcceptance, domain.PointRelease, domain.PointSixMonths
	)
	return []OutcomeStory{
		{Case: 0, CORE10: map[tp]int{acc: 22}}, // release unknown: measured at acceptance only
		{Case: 2, CORE10: map[tp]int{acc: 24, rel: 20, six: 14}, WAISR: map[tp]int{rel: 38, six: 47}, // reliably improved
			Outcomes: []domain.TransitionOutcome{
				{Point: acc, MAPPALevel: domain.MAPPALevel1, RoSH: domain.RoSHHigh},
				{Point: rel, GPRegistered: domain.Yes, Accommodation: domain.AccommodationAP, MentalHealth: domain.LinkEngaged,
					SubstanceUse: domain.LinkReferred, PhysicalHealth: domain.LinkAccepted}},
			Risk: &domain.RiskJudgement{CasePrioritisation: domain.RiskModerate, SeriousHarm: domain.RiskHigh,
				ImminentViolence: domain.RiskLow, Assessor: "Dr Niamh Ó Dálaigh",
				Formulation: "Violence has followed perceived humiliation when drinking; the risk rises with loss of his tenancy or contact with his former partner."}},
		{Case: 3, CORE10: map[tp]int{acc: 19, rel: 16, six: 9}, WAISR: map[tp]int{rel: 44, six: 52}, // out of the clinical range
			Outcomes: []domain.TransitionOutcome{{Point: rel, GPRegistered: domain.No, Accommodation: domain.AccommodationTemporary,
				MentalHealth: domain.LinkAccepted}}},
		{Case: 4, CORE10: map[tp]int{acc: 12, rel: 15, six: 20}, WAISR: map[tp]int{rel: 41, six: 33}, // reliably worse
			Outcomes: []domain.TransitionOutcome{{Point: rel, GPRegistered: domain.Yes, Accommodation: domain.AccommodationSettled,
				SubstanceUse: domain.LinkDeclined}}},
		{Case: 5, CORE10: map[tp]int{acc: 28, rel: 26, six: 24}}, // no reliable change
	}
}

// outcomeEvent is one write of the outcome stories.
type outcomeEvent struct {
	at      time.Time
	story   int
	point   domain.TimePoint
	measure string     // "core-10", "wai-sr", "outcome" or "risk"
	outcome int        // an index into the story's Outcomes
	on      ident.Date // the time point's day: what was taken then is dated then
}

// outcomeEvents are the stories' writes, each at 14:00 London on its time point's day,
// in the order they happened; those before the import at first are written just after
// it, still dated on their day, as a team entering its paper records would.
func outcomeEvents(now, first time.Time) []outcomeEvent {
	london := clock.London()
	today := ident.DateOf(now.In(london))
	cases := ExistingCases(now)
	var out []outcomeEvent
	for i, s := range OutcomeStories() {
		c := cases[s.Case]
		days := domain.PointDays(domain.CaseOnPathway{OpenedAt: c.AcceptedAt(london), Release: c.Release}, today)
		for _, p := range domain.TimePoints {
			d, ok := days[p]
			if !ok || d.After(today) {
				continue
			}
			t := time.Date(d.Year, d.Month, d.Day, 14, 0, 0, 0, london).UTC()
			if !t.After(first) {
				t = first.Add(time.Hour)
			}
			if _, ok := s.CORE10[p]; ok {
				out = append(out, outcomeEvent{at: t, story: i, point: p, measure: "core-10", on: d})
			}
			if _, ok := s.WAISR[p]; ok {
				out = append(out, outcomeEvent{at: t.Add(5 * time.Minute), story: i, point: p, measure: "wai-sr", on: d})
			}
			for j, o := range s.Outcomes {
				if o.Point == p {
					out = append(out, outcomeEvent{at: t.Add(10 * time.Minute), story: i, point: p, measure: "outcome", outcome: j, on: d})
				}
			}
			if s.Risk != nil && p == domain.PointRelease {
				out = append(out, outcomeEvent{at: t.Add(15 * time.Minute), story: i, point: p, measure: "risk", on: d})
			}
		}
	}
	return out
}

// answersFor spreads a total over a measure's items, each within its responses.
func answersFor(d domain.MeasureDefinition, total int) []int {
	lo, hi := d.Options[0].Value, d.Options[len(d.Options)-1].Value
	n := len(d.Items)
	answers := make([]int, n)
	left := total - lo*n
	for i := range answers {
		give := min(left, hi-lo)
		answers[i] = lo + give
		left -= give
	}
	return answers
}

// outcome applies one outcome event; caseIDs are ExistingCases' ids.
func (w *writer) outcome(ctx context.Context, e outcomeEvent, caseIDs []int64, got *Populated) error {
	s := OutcomeStories()[e.story]
	c := ExistingCases(w.now)[s.Case]
	caseID, by := caseIDs[s.Case], w.clinicianIDs[c.ClinicianID-1]
	taken := e.on
	switch e.measure {
	case "core-10", "wai-sr":
		d, _ := domain.MeasureByID(e.measure)
		total := s.CORE10[e.point]
		if e.measure == "wai-sr" {
			total = s.WAISR[e.point]
		}
		m := domain.MeasureScore{CaseID: caseID, Measure: e.measure, Point: e.point, TakenOn: taken, Answers: answersFor(d, total)}
		if _, err := w.rec.RecordMeasure(ctx, by, e.at, m, nil); err != nil {
			return err
		}
		got.Measures++
	case "outcome":
		o := s.Outcomes[e.outcome]
		o.CaseID = caseID
		if o.GPRegistered == domain.Yes {
			o.GPRegisteredOn = taken.AddDays(-3)
		}
		if _, err := w.rec.RecordTransitionOutcome(ctx, by, e.at, o, 0); err != nil {
			return err
		}
	case "risk":
		j := *s.Risk
		j.CaseID, j.AssessedOn, j.ReviewOn = caseID, taken, domain.AddMonthsClamped(taken, 6)
		if _, err := w.rec.RecordRiskJudgement(ctx, by, e.at, j); err != nil {
			return err
		}
	}
	return nil
}
