package transitionform

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// outcome is what is typed at the point chosen, as an outcome of case caseID.
func (a *answers) outcome(caseID int64, today ident.Date) (domain.TransitionOutcome, error) {
	p := domain.TimePoint(a.point)
	t := a.at[p]
	if t == nil {
		return domain.TransitionOutcome{}, fmt.Errorf("%w: outcomes are recorded at acceptance, release or discharge", domain.ErrOutcome)
	}
	on, err := gpDay(t.gpOn, today)
	if err != nil {
		return domain.TransitionOutcome{}, err
	}
	o := domain.TransitionOutcome{CaseID: caseID, Point: p, GPRegistered: domain.YesNo(t.gp), GPRegisteredOn: on,
		Accommodation: domain.Accommodation(t.accommodation), MentalHealth: domain.ServiceLink(t.mentalHealth),
		SubstanceUse: domain.ServiceLink(t.substanceUse), PhysicalHealth: domain.ServiceLink(t.physicalHealth),
		Recalled: domain.YesNo(t.recalled), MAPPALevel: domain.MAPPALevel(t.mappa), RoSH: domain.RoSH(t.rosh)}
	return o, domain.CheckTransitionOutcome(o, today)
}

// submit refuses what the rules refuse, in their words, and returns the save, made
// against the outcome standing at the point as the form last read it.
func (a *answers) submit(com common.Common, saver Saver, caseID int64, st *standing, today ident.Date) ([]string, tea.Cmd) {
	o, err := a.outcome(caseID, today)
	if err != nil {
		return []string{common.Sentence(err, domain.ErrOutcome)}, nil
	}
	ctx, me, clk := com.Ctx, com.Me.ID, com.Clock
	seen := st.get(o.Point)
	return nil, func() tea.Msg {
		got, err := saver.RecordTransitionOutcome(ctx, me, clk.Now(), o, seen.ID)
		if err != nil {
			return form.Done{Err: adopt(ctx, saver, caseID, st, o.Point, seen, err)}
		}
		return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: caseID},
			common.InfoMsg{Text: fmt.Sprintf("Outcomes %s recorded: %s.", got.Point.Words(), got.Describe())}}}
	}
}

// adopt answers a refused save. When a colleague recorded the outcome at the point
// since the form read it, the form takes theirs in and says what it holds, keeping
// everything typed: a second save then records over it knowingly. Any other refusal is
// returned as it is.
func adopt(ctx context.Context, saver Saver, caseID int64, st *standing, p domain.TimePoint, seen domain.TransitionOutcome, refused error) error {
	all, err := saver.TransitionOutcomes(ctx, caseID)
	if err != nil {
		return refused
	}
	now, ok := domain.StandingOutcomes(all)[p]
	if !ok || now.ID == seen.ID {
		return refused
	}
	st.set(p, now)
	return fmt.Errorf("%s. Theirs says: %s. Your answers are kept: save again to record yours over theirs, or esc esc to leave it",
		common.Sentence(refused), now.Describe())
}
