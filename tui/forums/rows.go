package forums

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

const (
	// horizon is the last day shown, in days after today: four weeks, today included.
	horizon = 27
	// lookback is how far before today the store is asked about report-due dates, so a
	// meeting after the four weeks whose report fell overdue lately is not lost.
	lookback = 14
)

// urgency is how a report stands, which picks the style that repeats its words.
type urgency int

const (
	noReport urgency = iota
	reportDue
	reportSoon // due within the week
	reportOverdue
)

// row is one meeting as the screen shows it, with every cell worked out when the data
// arrives, never while drawing.
type row struct {
	on      domain.ForumMeetingOn // kept whole: e opens the form on it
	week    ident.Date            // the Monday of the meeting's week
	group   string                // "This week", "Next week", "w/c 7 Dec"
	when    string                // "Thu 26 Nov"
	kind    string
	role    string
	report  string
	urgency urgency
	team    string
	chair   string
	// haystack is what the filter searches: the person, the forum, the team, the
	// chair and who holds the case, folded as domain.FoldForSearch folds what is typed.
	haystack string
}

// buildRows keeps the meetings still to be held whose meeting, or report, falls in the
// four weeks from today, and works out their cells. Meetings already held are left to
// the case's Forums tab: their report no longer waits. It runs inside the load command,
// off the UI goroutine; the store's order (meeting date, then id) is kept.
func buildRows(ons []domain.ForumMeetingOn, today ident.Date) []row {
	last := today.AddDays(horizon)
	thisWeek := monday(today)
	rows := make([]row, 0, len(ons))
	for _, on := range ons {
		mt := on.Meeting
		if mt.Date.Before(today) {
			continue
		}
		if mt.Date.After(last) && (mt.ReportDue.IsZero() || mt.ReportDue.After(last)) {
			continue
		}
		r := row{
			on:    on,
			week:  monday(mt.Date),
			when:  dayDate(mt.Date),
			kind:  mt.Kind.Label(),
			role:  roleWord(mt.Role),
			team:  mt.Team,
			chair: mt.Chair,
		}
		r.group = weekName(thisWeek, r.week)
		r.haystack = domain.FoldForSearch(strings.Join([]string{on.Person, r.kind, string(mt.Kind),
			mt.Team, mt.Chair, on.Clinician, r.when}, "\x00"))
		r.report, r.urgency = reportText(mt.ReportDue, today)
		if !mt.ReportSent.IsZero() {
			r.report, r.urgency = "report sent "+dayDate(mt.ReportSent), noReport
		}
		rows = append(rows, r)
	}
	return rows
}

// reportText says when a meeting's report is due, in words that stand without colour.
func reportText(due, today ident.Date) (string, urgency) {
	if due.IsZero() {
		return "no report asked", noReport
	}
	switch n := today.DaysUntil(due); {
	case n < 0:
		return "⚠ report overdue by " + days(-n), reportOverdue
	case n == 0:
		return "report due today", reportSoon
	case n < 7:
		return "report due " + dayDate(due), reportSoon
	}
	return "report due " + dayDate(due), reportDue
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// roleWord is the service's part in one word, to fit a column; the form and the case's
// Forums tab give it in full.
func roleWord(r domain.ForumRole) string {
	switch r {
	case domain.RoleAttends:
		return "attends"
	case domain.RoleInforms:
		return "informs"
	case domain.RoleInvitedNotAttended:
		return "invited"
	}
	return string(r)
}

// monday is the first day of d's week: the service's diary weeks start on Monday.
func monday(d ident.Date) ident.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// weekName names a week as people say it, relative to this week.
func weekName(thisWeek, week ident.Date) string {
	switch thisWeek.DaysUntil(week) {
	case 0:
		return "This week"
	case 7:
		return "Next week"
	}
	return fmt.Sprintf("w/c %d %s", week.Day, week.Month.String()[:3])
}

// dayDate is a day as a diary gives it: "Fri 4 Dec". Four weeks never need the year.
func dayDate(d ident.Date) string {
	return fmt.Sprintf("%s %d %s", d.Weekday().String()[:3], d.Day, d.Month.String()[:3])
}

// footPart is one of a row's fields as the foot line gives it: the column that shows
// it ("" for none), its value, and its words with a label where the value alone would
// not say what it is.
type footPart struct{ col, value, words string }

// footParts are a row's fields in the order the foot line gives them.
func (r *row) footParts() []footPart {
	team, chair := orNot(r.team, "not named"), orNot(r.chair, "not known")
	held := orNot(r.on.Clinician, "no one: not allocated")
	return []footPart{
		{colWhen, r.when, r.when}, {colKind, r.kind, r.kind}, {colPerson, r.on.Person, r.on.Person},
		{colRole, r.role, r.role}, {colReport, r.report, r.report},
		{colTeam, team, "Team: " + team}, {colChair, chair, "Chair: " + chair},
		{"", "", "Case held by " + held},
	}
}

func orNot(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}
