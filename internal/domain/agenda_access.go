package domain

import (
	"slices"

	"caseload/internal/ident"
)

// accessRequestItems are, for a lead only, the subject access requests not yet answered
// (docs/RULES.md, "Subject access requests on Today"), the soonest due first: the law gives a month (or
// the extension), and a request forgotten is a breach. Overdue ones are marked.
func accessRequestItems(f AgendaFacts, today ident.Date) []AgendaItem {
	if !f.ReaderIsLead {
		return nil
	}
	reqs := slices.Clone(f.AccessRequests)
	slices.SortStableFunc(reqs, func(a, b AccessRequestOn) int { return a.Due().Compare(b.Due()) })
	var out []AgendaItem
	for _, r := range reqs {
		if !r.Open() {
			continue
		}
		due := r.Due()
		n := today.DaysUntil(due)
		when := "answer due " + inDays(n, due)
		if n < 0 {
			when = "answer overdue by " + dayCount(-n) + ", was due " + dayDate(due)
		}
		if !r.ExtendedTo.IsZero() {
			when += " (extended)"
		}
		name := r.Person
		if name == "" {
			name = "(no name recorded)"
		}
		out = append(out, AgendaItem{Section: AgendaAccessRequests, Text: name, When: when, Urgent: n < 0,
			Open: AgendaTarget{Kind: OpenAccessRequest, ID: r.ID}})
	}
	return out
}
