package referralform

import (
	"context"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Reader is what the correction reads again when another process has committed.
type Reader interface {
	Referral(ctx context.Context, id int64) (domain.Referral, error)
}

// recheck reads referral was again and answers whether its facts or its status changed
// since the correction opened on it: the store refuses a correction over either. The
// referral keeps neither who changed it nor when (the audit log does).
func recheck(com common.Common, rd Reader, was domain.Referral) func(context.Context) form.Changed {
	london := com.London
	return func(ctx context.Context) form.Changed {
		now, err := rd.Referral(ctx, was.ID)
		if err != nil {
			return form.Changed{}
		}
		return form.Changed{Changed: now.Status != was.Status || domain.InputOf(now, london) != domain.InputOf(was, london)}
	}
}
