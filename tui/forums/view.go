package forums

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// View draws the summary, the column headings, the lines of the list that fit, and at
// the foot what the columns leave out of the selected meeting.
func (m *Model) View() string {
	var below []string
	if foot := footFor(m.list.Selected(), m.list.Columns()); foot != "" {
		below = []string{m.com.Theme.Muted.Render(common.Fit(foot, m.list.Width()))}
	}
	return m.list.View(m.com.Theme, []string{m.summaryLine()}, below)
}

// empty is what the screen says when no meeting shows.
var empty = list.Empty{Loading: "Loading forum meetings…",
	None:     "No forum meetings or reports due in the next four weeks. To add one, open a case and press n on its Forums tab.",
	NotYours: "None of your cases has a forum meeting or report due in the next four weeks. Press m to show everyone's."}

func (m *Model) summaryLine() string {
	return list.MineSummary(m.com.Theme, m.mine, -1, m.counts())
}

// countsText is how many meetings show and how many of their reports are overdue:
// "3 meetings, 1 report overdue".
func countsText(meetings, overdue int) string {
	s := plural(meetings, "meeting")
	if overdue > 0 {
		s += ", " + plural(overdue, "report") + " overdue"
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// cell is a column's text for a row and the style that marks it, if any. Every style
// here repeats what the words already say.
func (m *Model) cell(r *row, id string) (string, *lipgloss.Style) {
	t := m.com.Theme
	switch id {
	case colWhen:
		return r.when, nil
	case colKind:
		return r.kind, nil
	case colPerson:
		return r.on.Person, nil
	case colRole:
		return r.role, nil
	case colReport:
		switch r.urgency {
		case reportOverdue:
			return r.report, &t.Overdue
		case reportSoon:
			return r.report, &t.DueSoon
		case noReport:
			return r.report, &t.Muted
		}
		return r.report, nil
	case colTeam:
		if r.team == "" {
			return "not named", &t.Muted
		}
		return r.team, nil
	case colChair:
		if r.chair == "" {
			return "not known", &t.Muted
		}
		return r.chair, nil
	}
	return "", nil
}
