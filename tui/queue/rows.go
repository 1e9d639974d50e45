package queue

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// row is one referral as the queue shows it, with everything View needs worked out
// when the data or the time changes, never while drawing.
type row struct {
	ref      domain.Referral
	clock    domain.ScreeningClock
	name     string
	received string
	nhs      string
	// haystack is what the filter searches: names, identifiers and source, lower case.
	haystack string
}

func newRow(r domain.Referral, now time.Time, loc *time.Location) row {
	p := r.Person
	nhs := p.NHSNumber.String()
	hay := strings.ToLower(strings.Join([]string{p.GivenName, p.FamilyName, p.Name(), nhs,
		string(p.NHSNumber), string(p.PrisonNumber), string(p.PNCID), string(p.CRN),
		string(r.Source), r.Source.Label()}, "\x00"))
	return row{
		ref:      r,
		clock:    r.Clock(now),
		name:     p.Name(),
		received: common.ShortTime(r.ReceivedAt, loc),
		nhs:      nhs,
		haystack: hay,
	}
}

// sortRows puts the most urgent first: overdue (most overdue at the top), then by time
// left; screened referrals after, newest received first.
func sortRows(rows []row) {
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := cmp.Compare(a.clock.Urgency(), b.clock.Urgency()); c != 0 {
			return c
		}
		if c := b.ref.ReceivedAt.Compare(a.ref.ReceivedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ref.ID, b.ref.ID)
	})
}

// retime recomputes every clock for a new instant and re-sorts: clocks move between
// states as time passes, so the order can change on a tick.
func retime(rows []row, now time.Time) {
	for i := range rows {
		rows[i].clock = rows[i].ref.Clock(now)
	}
	sortRows(rows)
}

// match returns the indexes of the rows whose haystack holds every word of the query.
func match(rows []row, query string, into []int) []int {
	into = into[:0]
	words := strings.Fields(strings.ToLower(query))
next:
	for i := range rows {
		for _, w := range words {
			if !strings.Contains(rows[i].haystack, w) {
				continue next
			}
		}
		into = append(into, i)
	}
	return into
}

// counts is the summary the queue's title line shows.
type counts struct{ overdue, soon, waiting, total int }

func countRows(rows []row) counts {
	c := counts{total: len(rows)}
	for _, r := range rows {
		switch {
		case r.clock.State == domain.ClockOverdue:
			c.overdue++
			c.waiting++
		case r.clock.State == domain.ClockDue:
			c.waiting++
			if r.clock.Soon {
				c.soon++
			}
		}
	}
	return c
}
