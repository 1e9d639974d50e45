package queue

import (
	"slices"
	"strings"
	"time"

	"caseload/internal/domain"
	"caseload/tui/common"

	"github.com/charmbracelet/x/ansi"
)

// row is one referral as the queue shows it, with everything View needs worked out
// when the data or the time changes, never while drawing. It points into the loaded
// slice rather than copying the referral, so sorting 20,000 rows moves little.
type row struct {
	ref      *domain.Referral
	clock    domain.ScreeningClock
	name     string
	received string
	nhs      string
	verdict  domain.Verdict
	// offDay says in a word when the screening deadline falls on a weekend or a bank
	// holiday ("Sat", "Sun", "bank hol"; docs/RULES.md, "Screening deadline").
	offDay string
	// haystack is what the filter searches: names, identifiers, source and status,
	// folded as domain.FoldForSearch folds what is typed.
	haystack string
}

// buildRows prepares and sorts rows for referrals at now. It runs inside a command, off
// the UI goroutine, because at 20,000 referrals it is the slowest part of a load.
func buildRows(refs []domain.Referral, now time.Time, loc *time.Location) []row {
	rows := make([]row, len(refs))
	for i := range refs {
		r := &refs[i]
		p := r.Person
		nhs := p.NHSNumber.String()
		c := r.Clock(now)
		rows[i] = row{
			ref:      r,
			clock:    c,
			name:     p.Name(),
			received: common.ShortTime(r.ReceivedAt, loc),
			nhs:      nhs,
			verdict:  domain.CheckEligibility(*r, now).Verdict,
			offDay:   offDayWord(domain.DeadlineDay(c.DueAt)),
			haystack: domain.FoldForSearch(strings.Join([]string{p.Name(), nhs, string(p.NHSNumber),
				string(p.PrisonNumber), string(p.PNCID), string(p.CRN), string(r.Source), r.Source.Label(),
				r.Status.Label()}, "\x00")),
		}
	}
	sortRows(rows)
	return rows
}

func sortRows(rows []row) {
	slices.SortFunc(rows, func(a, b row) int { return domain.QueueOrder(*a.ref, a.clock, *b.ref, b.clock) })
}

// retime moves every running clock to a new instant and re-sorts: clocks pass from due
// to overdue as time goes on, so the order can change on a tick. Stopped clocks never
// change, so they are left alone.
func retime(rows []row, now time.Time) {
	for i := range rows {
		if rows[i].clock.State != domain.ClockStopped {
			rows[i].clock = rows[i].ref.Clock(now)
		}
	}
	sortRows(rows)
}

// match returns the indexes of the rows in the status group whose haystack holds every
// word of the query, searching only the rows in within when it is not nil.
func match(rows []row, within []int, query string, group statusGroup) []int {
	words := strings.Fields(domain.FoldForSearch(query))
	has := func(i int) bool {
		if !group.holds(rows[i].ref.Status) {
			return false
		}
		for _, w := range words {
			if !strings.Contains(rows[i].haystack, w) {
				return false
			}
		}
		return true
	}
	if within == nil {
		found := make([]int, 0, len(rows))
		for i := range rows {
			if has(i) {
				found = append(found, i)
			}
		}
		return found
	}
	found := make([]int, 0, len(within))
	for _, i := range within {
		if has(i) {
			found = append(found, i)
		}
	}
	return found
}

// counts is the summary the queue's title line shows.
type counts struct{ overdue, soon, waiting, total int }

func countRows(rows []row, total int) counts {
	c := counts{total: max(total, len(rows))}
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

// shortDayWord is offDayWord for the narrow clock: "bank hol" as "hol".
func shortDayWord(day string) string {
	if day == "bank hol" {
		return "hol"
	}
	return day
}

// offDayWord is domain.DeadlineDay short enough for the clock's column.
func offDayWord(why string) string {
	switch why {
	case "Saturday":
		return "Sat"
	case "Sunday":
		return "Sun"
	case "bank holiday":
		return "bank hol"
	}
	return why
}

// widest is the width of the longest name among rows, for the name's column: measured
// in the load command, since 20,000 names cost more than a frame on the UI goroutine.
func widest(rows []row) int {
	w := 0
	for i := range rows {
		w = max(w, ansi.StringWidth(rows[i].name))
	}
	return w
}
