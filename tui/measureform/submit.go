package measureform

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// measureScore is the score as typed, checked by the measure's rules as it will be
// recorded, with the totals of a measure entered as totals.
func (a *answers) measureScore(o common.RecordMeasureMsg, today ident.Date) (domain.MeasureScore, map[string]float64, error) {
	day, err := dayTaken(a.day, today)
	if err != nil {
		return domain.MeasureScore{}, nil, err
	}
	d, _ := domain.MeasureByID(a.measure)
	_, responses, totals, err := a.score()
	if err != nil {
		return domain.MeasureScore{}, nil, err
	}
	m := domain.MeasureScore{CaseID: o.CaseID, Measure: d.ID, Version: d.Version, Point: domain.TimePoint(a.point),
		TakenOn: day, Answers: responses, Replaces: o.Replaces.ID, Why: strings.TrimSpace(a.why)}
	m.Result, err = domain.CheckMeasureScore(m, totals, today)
	return m, totals, err
}

// submit refuses what the measure's rules refuse, in their words, and returns the
// save, which runs once the confirmation is answered yes.
func (a *answers) submit(com common.Common, saver Saver, o common.RecordMeasureMsg, today ident.Date) ([]string, tea.Cmd) {
	m, totals, err := a.measureScore(o, today)
	if err != nil {
		return []string{common.Sentence(err, domain.ErrMeasure)}, nil
	}
	ctx, me, clk := com.Ctx, com.Me.ID, com.Clock
	d, _ := domain.MeasureByID(m.Measure)
	return nil, func() tea.Msg {
		got, err := saver.RecordMeasure(ctx, me, clk.Now(), m, totals)
		if err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: o.CaseID}, common.InfoMsg{Text: fmt.Sprintf(
			"%s %s signed: %s, taken %s.", d.Name, got.Point.Words(), recorded(d, got), got.TakenOn.Medium())}}}
	}
}

// confirmation names exactly what is signed: the measure, when, the score, and what a
// correction replaces and why.
func (a *answers) confirmation(com common.Common, o common.RecordMeasureMsg) form.Confirmation {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	m, _, _ := a.measureScore(o, today)
	d, _ := domain.MeasureByID(m.Measure)
	words, _ := scoreWords(d, m.Result, nil)
	details := []string{fmt.Sprintf("Taken on %s. %s.%s", m.TakenOn.Medium(), words, answered(d, m))}
	if r := o.Replaces; r.ID != 0 {
		details = append(details, fmt.Sprintf("It replaces the score of %s (%s), which stays in the history, because: %s",
			r.TakenOn.Medium(), recorded(d, r), m.Why))
	}
	details = append(details, fmt.Sprintf("Signed as %s when saved, it cannot be changed: a mistake is put right by a correction that replaces it.", com.Me.Name))
	return form.Confirmation{Question: fmt.Sprintf("Sign the %s %s for %s?", d.Name, m.Point.Words(), o.Person), Details: details}
}

// answered says how many items were answered, when not all were.
func answered(d domain.MeasureDefinition, m domain.MeasureScore) string {
	n := 0
	for _, v := range m.Answers {
		if v != domain.MissingAnswer {
			n++
		}
	}
	if m.Answers == nil || n == len(m.Answers) {
		return ""
	}
	return fmt.Sprintf(" %d of %d items answered.", n, len(d.Items))
}
