package domain

import "caseload/internal/ident"

// RuleID names one criterion of the eligibility checklist (docs/RULES.md, "Eligibility checklist").
type RuleID string

// The criteria, in the order the checklist shows them.
const (
	RuleSource        RuleID = "source"
	RuleRisk          RuleID = "risk"
	RulePriorityGroup RuleID = "priority_group"
	RuleHealthNeeds   RuleID = "health_needs"
	RuleResettlement  RuleID = "resettlement"
	RuleTiming        RuleID = "timing"
)

// RuleIDs lists the criteria in checklist order.
var RuleIDs = []RuleID{RuleSource, RuleRisk, RulePriorityGroup, RuleHealthNeeds, RuleResettlement, RuleTiming}

// Result is how one referral fares against one criterion.
type Result string

// The results.
const (
	Pass    Result = "pass"
	Fail    Result = "fail"
	Unknown Result = "unknown"
)

// Verdict is the checklist's conclusion.
type Verdict string

// The verdicts: not-eligible when any criterion fails, else incomplete when any is
// unknown, else eligible.
const (
	Eligible    Verdict = "eligible"
	NotEligible Verdict = "not-eligible"
	Incomplete  Verdict = "incomplete"
)

// Rule is one line of the checklist: the criterion, its result, and one plain sentence
// giving the facts behind it.
type Rule struct {
	ID     RuleID
	Result Result
	Reason string
}

// Eligibility is the whole checklist for one referral.
type Eligibility struct {
	Verdict Verdict
	// WindowOpensOn is the first day a referral may be made: six calendar months
	// before the expected release, clamped to the month's end; zero when the release
	// date is not known.
	WindowOpensOn ident.Date
	Rules         []Rule
}

// Rule returns the result for one criterion.
func (e Eligibility) Rule(id RuleID) (Rule, bool) {
	for _, r := range e.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Open lists the criteria that fail or are unknown, in checklist order.
func (e Eligibility) Open() []RuleID {
	var ids []RuleID
	for _, r := range e.Rules {
		if r.Result != Pass {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// verdictOf concludes a checklist.
func verdictOf(rules []Rule) Verdict {
	v := Eligible
	for _, r := range rules {
		switch r.Result {
		case Fail:
			return NotEligible
		case Unknown:
			v = Incomplete
		}
	}
	return v
}
