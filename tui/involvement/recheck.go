package involvement

import (
	"context"

	"caseload/internal/domain"
	"caseload/tui/component/form"
)

// Reader is what the form reads again when another process has committed.
type Reader interface {
	CaseForums(ctx context.Context, caseID int64) (domain.CaseForums, error)
}

// recheck reads the case's standing with the form's forum again and answers whether it
// is still what the form opened on (seen). The record keeps neither who changed it nor
// when; the store refuses a save over a change the person has not seen.
func recheck(rd Reader, seen domain.ForumInvolvement) func(context.Context) form.Changed {
	return func(ctx context.Context) form.Changed {
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
