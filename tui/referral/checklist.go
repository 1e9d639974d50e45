package referral

import (
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

var ruleLabels = map[domain.RuleID]string{
	domain.RuleSource:        "Source",
	domain.RuleRisk:          "Risk",
	domain.RulePriorityGroup: "Priority group",
	domain.RuleHealthNeeds:   "Health needs",
	domain.RuleResettlement:  "Resettlement",
	domain.RuleTiming:        "Timing",
}

// marks pair each result with a sign, so the checklist reads without colour.
var marks = map[domain.Result]string{domain.Pass: "✓", domain.Fail: "✗", domain.Unknown: "?"}

// checklistLines renders each criterion as its mark, its name and the sentence behind
// it, wrapped under a hanging indent to width w.
func checklistLines(com common.Common, e domain.Eligibility, w int) []string {
	t := com.Theme
	var out []string
	for _, r := range e.Rules {
		style := t.Pass
		switch r.Result {
		case domain.Fail:
			style = t.Fail
		case domain.Unknown:
			style = t.Unknown
		}
		// The sentences name their subject ("RoSH to others is High."), so the
		// criterion's name would only repeat it; the verdict line names the open ones.
		text := marks[r.Result] + " " + r.Reason
		for i, l := range common.Wrap(text, max(w-2, 1)) {
			if i > 0 {
				l = "  " + l
			}
			if i == 0 {
				l = style.Render(l)
			}
			out = append(out, l)
		}
	}
	return out
}

// verdictLine is the line at the top of the view: the verdict in words and a sign, the
// criteria still open, where the referral stands and its clock.
func verdictLine(com common.Common, e domain.Eligibility, r domain.Referral, c domain.ScreeningClock) string {
	t := com.Theme
	var v string
	switch e.Verdict {
	case domain.Eligible:
		v = t.Pass.Render("✓ Eligible")
	case domain.NotEligible:
		v = t.Fail.Render("✗ Not eligible") + ": fails " + ruleNames(e, domain.Fail)
	default:
		v = t.Unknown.Render("? Incomplete") + ": not known " + ruleNames(e, domain.Unknown)
	}
	return v + t.Muted.Render(" · ") + r.Status.Label() + t.Muted.Render(" · ") + clockText(com, c)
}

func ruleNames(e domain.Eligibility, result domain.Result) string {
	var names []string
	for _, r := range e.Rules {
		if r.Result == result {
			names = append(names, strings.ToLower(ruleLabels[r.ID]))
		}
	}
	return strings.Join(names, ", ")
}

func clockText(com common.Common, c domain.ScreeningClock) string {
	t := com.Theme
	switch {
	case c.State == domain.ClockOverdue:
		return t.Overdue.Render(c.Text())
	case c.State == domain.ClockStopped && !c.OnTime():
		return t.Stopped.Render(c.Text())
	case c.State == domain.ClockStopped:
		return t.Stopped.Render(c.Text() + ", within " + c.Rule.Short())
	case c.Soon:
		return t.DueSoon.Render(c.Text())
	}
	return c.Text()
}
