// Package riskform records the summary of an HCR-20 V3 structured professional
// judgement of violence risk (docs/RULES.md, "HCR-20 summary judgements"): the three
// final risk ratings, the day it was assessed, by whom, when it is to be reviewed, and
// the clinician's own formulation. The manual is commercial, so the form asks for no
// item text and no item ratings. Saving signs it, after a confirmation naming what is
// signed.
package riskform

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the form writes through: one transaction with its audit entry.
type Saver interface {
	RecordRiskJudgement(ctx context.Context, clinicianID int64, at time.Time, j domain.RiskJudgement) (domain.RiskJudgement, error)
}

// answers hold what is typed, outliving any rebuild of the form.
type answers struct {
	prioritisation, harm, imminent string
	assessed, assessor, review     string
	formulation                    string
}

// New is the form of case caseID (person's). latest is its judgement standing, shown
// above the form; a new judgement is made afresh, so its ratings start unrated.
func New(com common.Common, saver Saver, caseID int64, person string, latest domain.RiskJudgement) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	a := &answers{assessed: today.String(), assessor: com.Me.Name}
	return form.New(com, form.Spec{
		Title: "HCR-20 V3 summary judgement · " + person,
		Intro: func(w int) []string { return intro(com, latest, w) },
		Fields: func() []*huh.Group {
			return []*huh.Group{huh.NewGroup(
				rating("Case prioritisation *", &a.prioritisation),
				rating("Risk of serious physical harm *", &a.harm),
				rating("Risk of imminent violence *", &a.imminent),
				huh.NewInput().Title("Assessed on * (YYYY-MM-DD or DD/MM/YYYY)").Value(&a.assessed).CharLimit(10).
					Validate(func(v string) error { _, err := assessedOn(v, today); return err }),
				huh.NewInput().Title("Assessed by *").Value(&a.assessor).CharLimit(200).
					Description("you, or the clinician of another service who did it").
					Validate(func(v string) error {
						if strings.TrimSpace(v) == "" {
							return fmt.Errorf("say who assessed it")
						}
						return nil
					}),
				huh.NewInput().Title("Review by (YYYY-MM-DD; blank if none set)").Value(&a.review).CharLimit(10).
					Validate(func(v string) error { _, err := reviewOn(v); return err }),
				huh.NewText().Title("Formulation").Lines(4).CharLimit(8000).Value(&a.formulation).
					Description("in your own words: never the manual's item text or item ratings"),
			)}
		},
		Submit:  func() ([]string, tea.Cmd) { return a.submit(com, saver, caseID, today) },
		Confirm: func() form.Confirmation { return a.confirmation(com, caseID, person, today) },
	})
}

// rating is one of the three summary ratings, unrated until chosen.
func rating(title string, v *string) huh.Field {
	opts := []huh.Option[string]{huh.NewOption("not rated", "")}
	for _, l := range domain.RiskLevels {
		opts = append(opts, huh.NewOption(string(l), string(l)))
	}
	return huh.NewSelect[string]().Title(title).Inline(true).Options(opts...).Value(v)
}

func assessedOn(v string, today ident.Date) (ident.Date, error) {
	d, err := ident.ParseDate(v)
	if err == nil && d.After(today) {
		return d, fmt.Errorf("%s is after today (%s): it cannot have been assessed after today", d, today)
	}
	return d, err
}

func reviewOn(v string) (ident.Date, error) {
	if strings.TrimSpace(v) == "" {
		return ident.Date{}, nil
	}
	return ident.ParseDate(v)
}

// judgement is what is typed as a judgement of case caseID, checked by its rules.
func (a *answers) judgement(caseID int64, today ident.Date) (domain.RiskJudgement, error) {
	on, err := assessedOn(a.assessed, today)
	if err != nil {
		return domain.RiskJudgement{}, err
	}
	review, err := reviewOn(a.review)
	if err != nil {
		return domain.RiskJudgement{}, err
	}
	j := domain.RiskJudgement{CaseID: caseID, CasePrioritisation: domain.RiskLevel(a.prioritisation),
		SeriousHarm: domain.RiskLevel(a.harm), ImminentViolence: domain.RiskLevel(a.imminent), AssessedOn: on,
		Assessor: strings.TrimSpace(a.assessor), ReviewOn: review, Formulation: strings.TrimSpace(a.formulation)}
	return j, domain.CheckRiskJudgement(j, today)
}

func (a *answers) submit(com common.Common, saver Saver, caseID int64, today ident.Date) ([]string, tea.Cmd) {
	j, err := a.judgement(caseID, today)
	if err != nil {
		return []string{common.Sentence(err, domain.ErrRiskJudgement)}, nil
	}
	ctx, me, clk := com.Ctx, com.Me.ID, com.Clock
	return nil, func() tea.Msg {
		got, err := saver.RecordRiskJudgement(ctx, me, clk.Now(), j)
		if err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: caseID},
			common.InfoMsg{Text: "HCR-20 V3 summary judgement signed: " + got.Ratings() + "."}}}
	}
}

// confirmation names exactly what is signed.
func (a *answers) confirmation(com common.Common, caseID int64, person string, today ident.Date) form.Confirmation {
	j, _ := a.judgement(caseID, today)
	review := "no review date set"
	if !j.ReviewOn.IsZero() {
		review = "review by " + j.ReviewOn.Medium()
	}
	formulation := "no formulation written"
	if j.Formulation != "" {
		formulation = fmt.Sprintf("your formulation of %d words", len(strings.Fields(j.Formulation)))
	}
	return form.Confirmation{Question: "Sign the HCR-20 V3 summary judgement for " + person + "?", Details: []string{
		fmt.Sprintf("%s. Assessed on %s by %s; %s; %s.", common.Capital(j.Ratings()), j.AssessedOn.Medium(), j.Assessor, review, formulation),
		fmt.Sprintf("Signed as %s when saved, it cannot be changed: a later judgement stands in its place.", com.Me.Name)}}
}

// intro is the judgement standing, so the clinician sees what theirs follows.
func intro(com common.Common, latest domain.RiskJudgement, w int) []string {
	text := "No HCR-20 V3 summary judgement is recorded on this case yet."
	if latest.ID != 0 {
		review, _ := latest.Review(ident.DateOf(com.Clock.Now().In(com.London)))
		text = fmt.Sprintf("Latest: %s; assessed %s by %s; %s.", latest.Ratings(), latest.AssessedOn.Medium(), latest.Assessor, review)
	}
	lines := common.Exactly(common.Wrap(text, max(w, 1)), 2, w)
	for i, l := range lines {
		lines[i] = com.Theme.Muted.Render(l)
	}
	return lines
}
