package caseload

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"caseload/tui/component/list"
)

// View draws the summary, the column headings and only the rows that fit, with the
// filter at the foot while there is one.
func (m *Model) View() string {
	return m.list.View(m.com.Theme, []string{m.summaryLine()}, nil)
}

// empty is what the list says when no row shows.
var empty = list.Empty{Loading: "Loading cases…", None: "No open cases.",
	NotYours: "No open cases are allocated to you. Press m to show everyone's."}

// emptyNote says why no row shows, and what to do about it.
func (m *Model) emptyNote(loaded bool, rows int, query string) string {
	e := empty
	if m.whoseName != "" {
		e.NotYours = "No open cases are held by " + m.whoseName + ". Press m to show everyone's."
	}
	return e.Note(loaded, rows, 0, query)
}

func (m *Model) summaryLine() string {
	detail := fmt.Sprintf("%d open cases", len(m.list.Rows()))
	if m.whoseName == "" || !m.mine {
		return list.MineSummary(m.com.Theme, m.mine, m.yours, detail)
	}
	t := m.com.Theme
	title := fmt.Sprintf("%s's cases (%d)", m.whoseName, m.yours)
	if m.whose == 0 {
		title = fmt.Sprintf("Cases nobody holds (%d)", m.yours)
	}
	return t.Title.Render(title) + t.Muted.Render(" · "+detail+" · m shows everyone's")
}

// cell is a column's text for a row and the style that marks it, if any. Every style
// here repeats what the words already say.
func (m *Model) cell(r *row, id string) (string, *lipgloss.Style) {
	t := m.com.Theme
	switch id {
	case colName:
		return r.name, nil
	case colClinician:
		return r.clinician, nil
	case colFormulation:
		if !r.signed {
			return r.formulation, &t.Unknown
		}
		return r.formulation, nil
	case colContact:
		if r.contact == "none" {
			return r.contact, &t.Muted
		}
		return r.contact, nil
	case colDrafts:
		if r.drafts == 0 {
			return "0", &t.Muted
		}
		return fmt.Sprint(r.drafts), &t.DueSoon
	case colRelease:
		if r.release == "not known" {
			return r.release, &t.Muted
		}
		return r.release, nil
	}
	return "", nil
}
