// Package screening is the screening decision: in or out, with a reason where the
// service needs one, recorded with the checklist as it stood. It stops the screening clock.
package screening

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/decided"
	"caseload/tui/component/decidedat"
	"caseload/tui/component/form"
)

// Saver is what the decision needs from the store. The store decides again inside its
// transaction, on the referral as it then stands.
type Saver interface {
	ScreenReferralAt(ctx context.Context, actor string, at time.Time, id int64, outcome domain.ScreeningOutcome,
		reason string, made domain.DecisionTime) (domain.ScreeningDecision, error)
	decided.Reader
}

// New is the screening decision for referral r.
func New(com common.Common, saver Saver, r domain.Referral) *form.Model {
	d := &decision{outcome: string(domain.ScreenedIn)}
	d.when.Prefill(com)
	return form.New(com, form.Spec{
		Title:   "Screen · " + r.Person.Name(),
		Recheck: decided.Recheck(saver, r),
		Fields:  func() []*huh.Group { return d.fields(com, r) },
		Intro:   introAt(com, r),
		Start:   startAt,
		Submit: func() ([]string, tea.Cmd) {
			now := com.Clock.Now()
			if !d.confirmed {
				return []string{"Not recorded: choose Record to confirm the decision."}, nil
			}
			made, err := d.when.Time(com)
			if err == nil {
				_, _, err = domain.ScreenAt(r, domain.ScreeningOutcome(d.outcome), d.reason, com.Actor, now, made)
			}
			if err != nil {
				return []string{capital(err.Error()) + "."}, nil
			}
			return nil, save(com, saver, r, d, now, made)
		},
	})
}

// startAt is the decision's place among the fields: after when it was made and why
// entered later.
const startAt = 2

// decision holds what is typed, outliving any rebuild of the form.
type decision struct {
	outcome   string
	reason    string
	when      decidedat.Value
	confirmed bool
}

func (d *decision) fields(com common.Common, r domain.Referral) []*huh.Group {
	// The reason field shows the decision's refusals of the reason, known by their field
	// (domain.FieldRefusal), never by their words.
	reasonCheck := func(v string) error {
		_, _, err := domain.Screen(r, domain.ScreeningOutcome(d.outcome), v, com.Actor, com.Clock.Now())
		if domain.FieldOf(err) == domain.FieldReason {
			return errors.New(capital(err.Error()))
		}
		return nil
	}
	d.confirmed = false // every submission is confirmed afresh
	// When it was decided stands first, prefilled with now, and the form opens on the
	// decision (startAt): a decision made as it is entered goes from the decision to
	// the reason to Record, the whole screening in at most 12 keys and the reason from
	// the queue (docs/RULES.md, "Screening quickly"); one made earlier in a meeting is a
	// shift+tab away.
	return []*huh.Group{huh.NewGroup(
		d.when.Field(com, r), d.when.ReasonField(com, r),
		huh.NewSelect[string]().Title("Decision *").Inline(true).Value(&d.outcome).Options(
			huh.NewOption("screen in", string(domain.ScreenedIn)),
			huh.NewOption("screen out", string(domain.ScreenedOut))),
		huh.NewText().Title("Reason").Lines(3).CharLimit(8000).Value(&d.reason).
			Placeholder("required to screen out, or to screen in against a criterion that fails or is unknown").
			Validate(reasonCheck),
		huh.NewConfirm().TitleFunc(func() string {
			return fmt.Sprintf("Record: %s %s?", outcomeWords(d.outcome), r.Person.Name())
		}, &d.outcome).Affirmative("Record").Negative("Not yet").Value(&d.confirmed),
	)}
}

func save(com common.Common, saver Saver, r domain.Referral, d *decision, now time.Time, made domain.DecisionTime) tea.Cmd {
	ctx, actor := com.Ctx, com.Actor
	outcome, reason := domain.ScreeningOutcome(d.outcome), d.reason
	return func() tea.Msg {
		dec, err := saver.ScreenReferralAt(ctx, actor, now, r.ID, outcome, reason, made)
		if err != nil {
			return form.Done{Err: decided.Refusal(ctx, com, saver, r.ID, err)}
		}
		return form.Done{Then: []tea.Msg{
			common.ReferralChangedMsg{ID: r.ID},
			common.InfoMsg{Text: fmt.Sprintf("%s %s, %s.", done(string(outcome)), r.Person.Name(), dec.Timing())},
		}}
	}
}

// introAt is what the decision rests on: the verdict and every criterion not passed,
// worked out once as the form opens (drawing only wraps it to the width).
func introAt(com common.Common, r domain.Referral) func(w int) []string {
	now := com.Clock.Now()
	e := domain.CheckEligibility(r, now)
	head := fmt.Sprintf("Checklist: %s · %s", e.Verdict, r.Clock(now).Text())
	var open []string
	for _, rule := range e.Rules {
		switch rule.Result {
		case domain.Fail:
			open = append(open, "✗ "+rule.Reason)
		case domain.Unknown:
			open = append(open, "? "+rule.Reason)
		}
	}
	reason := "Reason for referral: " + common.OneLine(r.Reason)
	if strings.TrimSpace(r.Reason) == "" {
		reason = "Reason for referral: not given."
	}
	return func(w int) []string {
		lines := []string{head}
		for _, o := range open {
			for _, l := range common.Wrap(o, max(w, 1)) {
				lines = append(lines, com.Theme.Unknown.Render(l))
			}
		}
		// The referrer's reason beside the decision it is weighed for, a few lines of
		// it: the whole is on the referral behind the form.
		said := common.Wrap(reason, max(w, 1))
		if len(said) > reasonShown {
			said = append(said[:reasonShown-1:reasonShown-1], common.Clip(said[reasonShown-1]+" …", max(w, 1)))
		}
		return append(lines, said...)
	}
}

// reasonShown is how many lines of the reason for referral the form shows.
const reasonShown = 3

func outcomeWords(outcome string) string {
	if outcome == string(domain.ScreenedOut) {
		return "screen out"
	}
	return "screen in"
}

func done(outcome string) string {
	if outcome == string(domain.ScreenedOut) {
		return "Screened out"
	}
	return "Screened in"
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
