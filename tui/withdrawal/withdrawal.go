// Package withdrawal closes an open referral before a decision, with the reason (for
// example, the person was moved out of area).
package withdrawal

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/decided"
	"caseload/tui/component/form"
)

// Saver is what the withdrawal needs from the store.
type Saver interface {
	WithdrawReferral(ctx context.Context, actor string, at time.Time, id int64, reason string) error
	decided.Reader
}

// New is the withdrawal of referral r.
func New(com common.Common, saver Saver, r domain.Referral) *form.Model {
	var reason string
	var confirmed bool
	return form.New(com, form.Spec{
		Title:   "Withdraw · " + r.Person.Name(),
		Recheck: decided.Recheck(saver, r),
		Intro: func(int) []string {
			return []string{fmt.Sprintf("The referral is %s. Withdrawing closes it; it stays on record.", r.Status.Label())}
		},
		Fields: func() []*huh.Group {
			confirmed = false
			return []*huh.Group{huh.NewGroup(
				huh.NewText().Title("Reason *").Lines(3).CharLimit(8000).Value(&reason).
					Placeholder("e.g. moved out of area to HMP Manchester; resettling in Leeds").
					Validate(func(v string) error {
						if strings.TrimSpace(v) == "" {
							return errors.New("give the reason for the withdrawal")
						}
						return nil
					}),
				huh.NewConfirm().Title("Withdraw the referral for "+r.Person.Name()+"?").
					Affirmative("Withdraw").Negative("Not yet").Value(&confirmed),
			)}
		},
		Submit: func() ([]string, tea.Cmd) {
			if !confirmed {
				return []string{"Not withdrawn: choose Withdraw to confirm."}, nil
			}
			if _, err := domain.Withdraw(r, reason); err != nil {
				return []string{err.Error()}, nil
			}
			ctx, actor, now := com.Ctx, com.Actor, com.Clock.Now()
			return nil, func() tea.Msg {
				if err := saver.WithdrawReferral(ctx, actor, now, r.ID, reason); err != nil {
					return form.Done{Err: decided.Refusal(ctx, com, saver, r.ID, err)}
				}
				return form.Done{Then: []tea.Msg{common.ReferralChangedMsg{ID: r.ID},
					common.InfoMsg{Text: "Referral for " + r.Person.Name() + " withdrawn."}}}
			}
		},
	})
}
