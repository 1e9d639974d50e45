package releaseform

import (
	"context"
	"slices"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/component/form"
)

// Reader is what the form reads again when another process has committed: the case's
// release facts, who recorded its events, and the clinicians' names.
type Reader interface {
	CaseRelease(ctx context.Context, caseID int64) (domain.CaseRelease, error)
	ReleaseEvents(ctx context.Context, caseID int64) ([]domain.ReleaseEvent, error)
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
}

// recheck reads the case's release facts again and answers whether they are still the
// ones the form opened on (seen), and if not who changed them last and when: the last
// change of a sentence date or the last event, whichever is later. A date change from
// the form is refused by the store over an unseen change of that date; an event is
// checked against the facts as they then stand, so the advice is to look.
//
// A date change is refused only over a change of the same kind, and the recheck runs off
// the UI goroutine, where the kind chosen cannot be read; so the advice names the kinds
// that changed, and says a save of one of them will be refused.
func recheck(rd Reader, caseID int64, f *facts) func(context.Context) form.Changed {
	return func(ctx context.Context) form.Changed {
		seen := f.get()
		now, err := rd.CaseRelease(ctx, caseID)
		if err != nil || sameFacts(now, seen) {
			return form.Changed{}
		}
		c := form.Changed{Changed: true, Advice: "esc esc to leave and reopen it before you save"}
		if kinds := changedKinds(seen.Dates, now.Dates); len(kinds) > 0 {
			c.Advice = "a change of the " + strings.Join(kinds, " or the ") + " will be refused; esc esc to leave and reopen"
		}
		var by string
		if n := len(now.History); n > len(seen.History) {
			by, c.At = now.History[n-1].By, now.History[n-1].At
		}
		if evs, err := rd.ReleaseEvents(ctx, caseID); err == nil && len(evs) > 0 && evs[len(evs)-1].At.After(c.At) {
			by, c.At = evs[len(evs)-1].By, evs[len(evs)-1].At
		}
		c.By = nameOf(ctx, rd, by)
		return c
	}
}

// sameFacts compares what the form acts on; the history only grows with a change.
func sameFacts(a, b domain.CaseRelease) bool {
	return slices.Equal(a.Dates, b.Dates) && a.Actual == b.Actual && a.RecalledOn == b.RecalledOn && a.ReReleased == b.ReReleased
}

// nameOf is an audit actor as a person's name, "" when there is none to give.
func nameOf(ctx context.Context, rd Reader, actor string) string {
	if actor == "" {
		return ""
	}
	cs, _ := rd.Clinicians(ctx) // without the list, a clinician is "clinician N"
	return domain.ActorName(actor, func(id int64) (string, bool) {
		for _, c := range cs {
			if c.ID == id {
				return c.Name, true
			}
		}
		return "", false
	})
}

// changedKinds names the kinds of date that differ between a and b, in the kinds' order.
func changedKinds(a, b domain.SentenceDates) []string {
	var out []string
	for _, k := range append([]domain.ReleaseDateType{""}, domain.SentenceDateKinds...) {
		if a.Of(k) != b.Of(k) {
			out = append(out, domain.SentenceDateName(k))
		}
	}
	return out
}
