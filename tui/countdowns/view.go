package countdowns

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/pathbar"
)

// View draws the summary, the column headings and only the rows that fit, with the
// filter and the legend of the bar at the foot while they show.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	lines := []string{common.Fit(m.summaryLine(), m.width), t.Header.Render(list.Headings(m.cols, m.width))}
	if note := m.emptyNote(); note != "" {
		lines = append(lines, t.Muted.Render(common.Fit(note, m.width)))
	}
	for ri, selected := range m.win.Visible(m.shown, m.listHeight()) {
		lines = append(lines, m.renderRow(&m.rows[ri], selected))
	}
	var foot []string
	if m.filter.Shown() {
		foot = append(foot, m.filter.View(t, len(m.shown), len(m.rows), m.width))
	}
	if m.legendShown() {
		foot = append(foot, t.Muted.Render(common.Fit(pathbar.Legend(), m.width)))
	}
	if len(foot) > 0 {
		for len(lines) < m.height-len(foot) {
			lines = append(lines, "")
		}
		lines = append(lines, foot...)
	}
	// At the smallest sizes the summary and headings alone are taller than the screen.
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// empty is what the list says when no row shows.
var empty = list.Empty{Loading: "Loading cases…", None: "No open cases.",
	NotYours: "No open cases are allocated to you. Press m to show everyone's."}

// emptyNote says why no row shows, and what to do about it.
func (m *Model) emptyNote() string {
	return empty.Note(m.loaded, len(m.rows), len(m.shown), m.filter.Value())
}

func (m *Model) summaryLine() string {
	return list.MineSummary(m.com.Theme, m.mine, m.yours, fmt.Sprintf("%d open cases, soonest milestone first", len(m.rows)))
}

func (m *Model) renderRow(r *row, selected bool) string {
	return list.Row(m.cols, m.width, selected, m.com.Theme.Selected, func(id string) (string, *lipgloss.Style) {
		return m.cell(r, id)
	})
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
