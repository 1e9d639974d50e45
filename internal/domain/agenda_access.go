package domain

import (
	"fmt"
	"slices"
	"strconv"

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
			Open: AgendaTarget{Kind: OpenAccessRequest, ID: r.ID, PersonID: r.PersonID}})
	}
	return out
}

// AccessRequestAdvice is what enter on a subject access request says: how the record
// is written and the request marked answered, on the database db.
func AccessRequestAdvice(id, personID int64, db string) string {
	return fmt.Sprintf("Subject access request %d: write the record with caseload export person --db %s %s --out FILE.pdf, "+
		"check it, send it, then caseload access-requests answer --db %s %d; see README: Headless commands.",
		id, db, strconv.FormatInt(personID, 10), db, id)
}
