package transitionform

import (
	"context"
	"fmt"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// introLines is the room the intro keeps, so the form does not jump as the point
// changes.
const introLines = 3

// intro says what stands at the point chosen, recorded by whom and when.
func (a *answers) intro(com common.Common, st *standing, w int) []string {
	p := domain.TimePoint(a.point)
	o := st.get(p)
	text := fmt.Sprintf("Nothing is recorded %s yet.", p.Words())
	if o.ID != 0 {
		text = fmt.Sprintf("Recorded %s by %s on %s: %s. A new record stands in its place; this one stays in the history.",
			p.Words(), o.RecordedByName, common.MediumTime(o.RecordedAt, com.London), o.Describe())
	}
	lines := common.Exactly(common.Wrap(text, max(w, 1)), introLines, w)
	for i, l := range lines {
		lines[i] = com.Theme.Muted.Render(l)
	}
	return lines
}

// recheck reads the case's outcomes again when another process committed, and says
// whether one was recorded at a point since the form read it, by whom and when.
func recheck(saver Saver, caseID int64, st *standing) func(context.Context) form.Changed {
	return func(ctx context.Context) form.Changed {
		all, err := saver.TransitionOutcomes(ctx, caseID)
		if err != nil {
			return form.Changed{}
		}
		var c form.Changed
		for p, now := range domain.StandingOutcomes(all) {
			if now.ID != st.get(p).ID && now.RecordedAt.After(c.At) {
				c = form.Changed{Changed: true, By: now.RecordedByName, At: now.RecordedAt,
					Advice: fmt.Sprintf("the outcomes %s were recorded again; a save there is refused once, showing theirs", p.Words())}
			}
		}
		return c
	}
}
