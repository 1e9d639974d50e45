package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// forumCaseload is a store with three open cases and one closed, each with meetings
// around December 2026.
type forumCaseload struct {
	s                   *Store
	held, other, closed int64 // case ids; other has no clinician
	meetings            map[string]int64
}

func newForumCaseload(t *testing.T) forumCaseload {
	t.Helper()
	s := newStore(t)
	jo := mustClinician(t, s, "Dr Jo Lead", true)
	c := forumCaseload{s: s, held: openCase(t, s, jo, 0), other: openCase(t, s, jo, 1), closed: openCase(t, s, jo, 2),
		meetings: map[string]int64{}}
	fixture(t, s, "UPDATE cases SET allocated_clinician_id = NULL WHERE id = ?", c.other)
	d := ident.MustDate
	add := func(name string, caseID int64, day, due ident.Date) {
		m := domain.ForumMeeting{CaseID: caseID, Kind: domain.MeetingMARAC, Date: day, ReportDue: due, Role: domain.RoleInforms,
			Actions: []domain.ForumAction{{Text: "action of " + name}}}
		c.meetings[name] = mustRecord(t, s, m)
	}
	add("held, past", c.held, d(2026, 11, 2), ident.Date{})
	add("held, in range, late", c.held, d(2026, 12, 10), ident.Date{})
	add("other, report in range", c.other, d(2027, 1, 12), d(2026, 12, 1))
	add("held, in range, early", c.held, d(2026, 12, 1), d(2026, 11, 20))
	add("other, after", c.other, d(2027, 2, 1), d(2027, 1, 25))
	add("closed, in range", c.closed, d(2026, 12, 3), ident.Date{})
	add("held, on the last day", c.held, d(2026, 12, 14), ident.Date{})
	fixture(t, s, "UPDATE cases SET status = 'closed' WHERE id = ?", c.closed)
	return c
}

func TestForumMeetingsBetween(t *testing.T) {
	c := newForumCaseload(t)
	got, err := c.s.ForumMeetingsBetween(context.Background(), ident.MustDate(2026, 12, 1), ident.MustDate(2026, 12, 14))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, on := range got {
		lines = append(lines, fmt.Sprintf("%d %s %s %s|%s|%d|%s", on.Meeting.CaseID, on.Meeting.Date, on.Person, on.Meeting.Kind,
			on.Clinician, on.ClinID, domain.FormatActions(on.Meeting.Actions)))
	}
	want := []string{
		"1 2026-12-01 Ada Testperson MARAC|Dr Jo Lead|1|action of held, in range, early",
		"1 2026-12-10 Ada Testperson MARAC|Dr Jo Lead|1|action of held, in range, late",
		"1 2026-12-14 Ada Testperson MARAC|Dr Jo Lead|1|action of held, on the last day",
		"2 2027-01-12 Siobhán Testperson MARAC||0|action of other, report in range",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("ForumMeetingsBetween =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if _, err := c.s.ForumMeetingsBetween(context.Background(), ident.Date{}, ident.MustDate(2026, 12, 14)); err == nil {
		t.Error("ForumMeetingsBetween with no first day: no error")
	}
	mustVerify(t, c.s)
}

func TestNextForums(t *testing.T) {
	c := newForumCaseload(t)
	got, err := c.s.NextForums(context.Background(), ident.MustDate(2026, 12, 10))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]int64{c.held: c.meetings["held, in range, late"], c.other: c.meetings["other, report in range"]}
	if len(got) != len(want) {
		t.Errorf("NextForums = %v, want the next meeting of the two open cases", got)
	}
	for caseID, id := range want {
		if m := got[caseID]; m.ID != id || m.CaseID != caseID {
			t.Errorf("next meeting of case %d = %+v, want meeting %d", caseID, m, id)
		}
	}
	got, err = c.s.NextForums(context.Background(), ident.MustDate(2027, 3, 1))
	if err != nil || len(got) != 0 {
		t.Errorf("NextForums after every meeting = %v, %v; want none", got, err)
	}
}

// The reads of the forums and home screens look meetings up by their indexes: none
// reads every meeting ever recorded.
func TestForumReadsUseTheIndexes(t *testing.T) {
	s := newStore(t)
	plans := map[string][]any{
		"between": {meetingsBetween, "2026-12-01", "2026-12-14"},
		"next":    {nextMeetings, "2026-12-01"},
		"case":    {meetingSelect + " WHERE m.case_id = ? ORDER BY m.meeting_date, m.id", 1},
	}
	for name, q := range plans {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+q[0].(string), q[1:]...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notUsed int
			var detail string
			if err := rows.Scan(&id, &parent, &notUsed, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "; ")
		if strings.Contains(text, "SCAN forum_meetings") || strings.Contains(text, "SCAN m") ||
			strings.Contains(text, "TEMP B-TREE FOR ORDER BY") && name != "between" {
			t.Errorf("%s: plan %q reads meetings without an index", name, text)
		}
	}
}
