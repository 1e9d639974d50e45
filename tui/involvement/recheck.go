package involvement

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Reader is what the form reads again when another process has committed.
type Reader interface {
	CaseForums(ctx context.Context, caseID int64) (domain.CaseForums, error)
}

// recheck reads the case's standing with the form's forum again and answers whether it
// is still what the form opened on (seen). The record keeps neither who changed it nor
// when; the store refuses a save over a change the person has not seen.
func recheck(com common.Common, rd Reader, seen domain.ForumInvolvement) func() tea.Cmd {
	ctx := com.Ctx
	return func() tea.Cmd {
		return func() tea.Msg {
			cf, err := rd.CaseForums(ctx, seen.CaseID)
			if err != nil {
				return form.Changed{}
			}
			now, ok := cf.Involved(seen.Forum)
			if !ok {
				now = domain.ForumInvolvement{CaseID: seen.CaseID, Forum: seen.Forum}
			}
			return form.Changed{Changed: now != seen}
		}
	}
}
