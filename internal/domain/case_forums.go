package domain

import "caseload/internal/ident"

// CaseForums is a case's whole forum record: its standing with each forum (at most one
// involvement a forum, in Forums order) and every meeting about it, by date.
type CaseForums struct {
	Involvements []ForumInvolvement
	Meetings     []ForumMeeting
}

// Next is the case's next meeting: the earliest on or after today (a meeting today is
// still to come, or under way), the lower id first when two fall on one day. false when
// none is booked.
func (c CaseForums) Next(today ident.Date) (ForumMeeting, bool) {
	var next ForumMeeting
	found := false
	for _, m := range c.Meetings {
		if m.Date.Before(today) {
			continue
		}
		if !found || m.Date.Before(next.Date) || m.Date == next.Date && m.ID < next.ID {
			next, found = m, true
		}
	}
	return next, found
}

// Involved is the case's standing with forum f; false when nothing is recorded, which is
// not the same as a recorded "not MAPPA" or a closed involvement.
func (c CaseForums) Involved(f Forum) (ForumInvolvement, bool) {
	for _, v := range c.Involvements {
		if v.Forum == f {
			return v, true
		}
	}
	return ForumInvolvement{}, false
}
