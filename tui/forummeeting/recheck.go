package forummeeting

import (
	"context"

	"caseload/internal/domain"
	"caseload/tui/component/form"
)

// Reader is what the form reads again when another process has committed.
type Reader interface {
	CaseForums(ctx context.Context, caseID int64) (domain.CaseForums, error)
}

// recheck reads meeting was again and answers whether it was changed since the form
// opened on it: the store stamps every change's time (not who made it), and refuses a
// save over a change the person has not seen. A new meeting has nothing to recheck.
func recheck(rd Reader, was domain.ForumMeeting) func(context.Context) form.Changed {
	if was.ID == 0 {
		return nil
	}
	return func(ctx context.Context) form.Changed {
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
