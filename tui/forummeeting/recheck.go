package forummeeting

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

// recheck reads meeting was again and answers whether it was changed since the form
// opened on it: the store stamps every change's time (not who made it), and refuses a
// save over a change the person has not seen. A new meeting has nothing to recheck.
func recheck(com common.Common, rd Reader, was domain.ForumMeeting) func() tea.Cmd {
	if was.ID == 0 {
		return nil
	}
	ctx := com.Ctx
	return func() tea.Cmd {
		return func() tea.Msg {
			cf, err := rd.CaseForums(ctx, was.CaseID)
			if err != nil {
				return form.Changed{}
			}
			for _, m := range cf.Meetings {
				if m.ID == was.ID {
					if m.UpdatedAt.Equal(was.UpdatedAt) {
						return form.Changed{}
					}
					return form.Changed{Changed: true, At: m.UpdatedAt}
				}
			}
			return form.Changed{Changed: true, Advice: "the meeting is no longer recorded; esc esc to leave"}
		}
	}
}
