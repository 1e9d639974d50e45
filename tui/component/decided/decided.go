// Package decided is what the referral's decision forms (screening, consultation,
// withdrawal) say when a colleague decided first: the store decides again inside its
// transaction and refuses a change the referral no longer allows, and this turns that
// refusal, and a change noticed while the form is open, into who did what and when.
package decided

import (
	"context"
	"errors"
	"fmt"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Reader is what the forms read to say so.
type Reader interface {
	Referral(ctx context.Context, id int64) (domain.Referral, error)
	LastChange(ctx context.Context, entity string, id int64) (domain.Change, error)
}

// Refusal is err as the person should read it. A decision refused because the referral
// moved on (domain.ErrTransition) names who moved it and when, and says that nothing
// was recorded; any other error is returned as it is. It runs in the save's command.
func Refusal(ctx context.Context, com common.Common, rd Reader, referralID int64, err error) error {
	if !errors.Is(err, domain.ErrTransition) {
		return err
	}
	r, rerr := rd.Referral(ctx, referralID)
	c, cerr := rd.LastChange(ctx, "referral", referralID)
	if rerr != nil || cerr != nil || c.By == "" {
		return fmt.Errorf("someone else recorded a decision on this referral after you opened this form, so yours was not recorded: leave with esc esc and look at the referral")
	}
	return fmt.Errorf("%s recorded %q on this referral at %s, after you opened this form, so your decision was not recorded: leave with esc esc and look at the referral",
		c.By, r.Status.Label(), common.MediumTime(c.At, com.London))
}

// Recheck is a form.Spec.Recheck for a form opened on referral was: on a colleague's
// change it reads the referral again and, when its status moved, says who moved it.
func Recheck(rd Reader, was domain.Referral) func(context.Context) form.Changed {
	return func(ctx context.Context) form.Changed {
		now, err := rd.Referral(ctx, was.ID)
		if err != nil || now.Status == was.Status {
			return form.Changed{}
		}
		c, err := rd.LastChange(ctx, "referral", was.ID)
		if err != nil {
			return form.Changed{Changed: true}
		}
		return form.Changed{Changed: true, By: c.By, At: c.At,
			Advice: "it is now " + now.Status.Label() + ", so your decision will not be recorded; esc esc to leave"}
	}
}
