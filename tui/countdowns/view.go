package countdowns

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/pathbar"
)

// View draws the summary, the column headings and only the rows that fit, with the
// legend of the bar and the filter at the foot while they show.
func (m *Model) View() string {
	var below []string
	if m.footLines(columnWidth(m.list.Columns(), colBar)) > 0 {
		below = []string{m.com.Theme.Muted.Render(common.Fit(pathbar.Legend(), m.list.Width()))}
	}
	return m.list.View(m.com.Theme, []string{m.summaryLine()}, below)
}

// empty is what the list says when no row shows.
var empty = list.Empty{Loading: "Loading cases…", None: "No open cases.",
	NotYours: "No open cases are allocated to you. Press m to show everyone's."}

func (m *Model) summaryLine() string {
	return list.MineSummary(m.com.Theme, m.mine, m.yours, fmt.Sprintf("%d open cases, soonest milestone first", len(m.list.Rows())))
}

// cell is a column's text for a row and the style that marks it, if any. Every style
// here repeats what the words already say.
func (m *Model) cell(r *row, id string) (string, *lipgloss.Style) {
	t := m.com.Theme
	switch id {
	case colName:
		return r.name, nil
	case colClinician:
		if r.clinicianID == 0 {
			return r.clinician, &t.Muted
		}
		return r.clinician, nil
	case colCountdown:
		switch r.tone {
		case alarm:
			return r.countdown, &t.Overdue
		case dueToday:
			return r.countdown, &t.DueSoon
		case uncertain:
			return r.countdown, &t.Unknown
		}
		return r.countdown, nil
	case colBar:
		return r.bar, nil
	}
	return "", nil
}
