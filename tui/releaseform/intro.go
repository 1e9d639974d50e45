package releaseform

import (
	"fmt"
	"strconv"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// introOf is what the form shows above its fields: the sentence dates as they stand,
// what has happened since release, and the last change with its reason, who
// made it and when, as the form's facts now stand (they change once, when a save is
// refused over a colleague's change).
func introOf(com common.Common, f *facts) func(width int) []string {
	return func(width int) []string {
		head, last := introWords(com, f.get())
		out := wrapped(common.Wrap(head, width), 2)
		for _, l := range last {
			for _, w := range wrapped(common.Wrap(l, width), 2) {
				out = append(out, com.Theme.Muted.Render(w))
			}
		}
		return out
	}
}

// introWords are the intro's head line and the last change's lines.
func introWords(com common.Common, r domain.CaseRelease) (string, []string) {
	head := "Sentence dates: " + r.Dates.Describe(func(d domain.ReleaseDate) string { return d.Describe(ident.Date.Medium) })
	var events []string
	if !r.Actual.IsZero() {
		events = append(events, "released "+r.Actual.Medium())
	}
	if !r.RecalledOn.IsZero() {
		events = append(events, "recalled "+r.RecalledOn.Medium())
	}
	if !r.ReReleased.IsZero() {
		events = append(events, "re-released "+r.ReReleased.Medium())
	}
	if len(events) > 0 {
		head += "; " + strings.Join(events, "; ")
	}
	last := []string{"No change recorded since the case opened."}
	if n := len(r.History); n > 0 {
		c := r.History[n-1]
		last = []string{
			fmt.Sprintf("Last change %s by %s:", common.MediumTime(c.At, com.London), who(com, c.By)),
			c.From.Describe(ident.Date.Medium) + " → " + c.To.Describe(ident.Date.Medium),
			"Because: " + c.Reason,
		}
	}
	return head, last
}

// wrapped keeps at most n lines, the last ending "…" when some were left off: the
// case's pathway tab holds the whole history.
func wrapped(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] += "…"
	return lines
}

// who names the author of a change: "you" for this session's clinician, else the actor
// as the audit chain records it ("clinician:3"), since the form is not given the team.
func who(com common.Common, actor string) string {
	if com.Me.ID != 0 && actor == "clinician:"+strconv.FormatInt(com.Me.ID, 10) {
		return "you (" + com.Me.Name + ")"
	}
	return domain.ActorName(actor, nil)
}
