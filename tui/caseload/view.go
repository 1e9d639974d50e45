package caseload

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// View draws the summary, the column headings and only the rows that fit, with the
// filter at the foot while there is one.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	lines := []string{common.Fit(m.summaryLine(), m.width), t.Header.Render(m.headings())}
	if note := m.emptyNote(); note != "" {
		lines = append(lines, t.Muted.Render(common.Fit(note, m.width)))
	}
	for ri, selected := range m.win.Visible(m.shown, m.listHeight()) {
		lines = append(lines, m.renderRow(&m.rows[ri], selected))
	}
	if m.filter.Shown() {
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, m.filter.View(t, len(m.shown), len(m.rows), m.width))
	}
	// At the smallest sizes the summary and headings alone are taller than the screen.
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// empty is what the list says when no row shows.
var empty = list.Empty{Loading: "Loading cases…", None: "No open cases.",
	NotYours: "No open cases are allocated to you. Press m to show everyone's."}

// emptyNote says why no row shows, and what to do about it.
func (m *Model) emptyNote() string {
	e := empty
	if m.whoseName != "" {
		e.NotYours = "No open cases are held by " + m.whoseName + ". Press m to show everyone's."
	}
	return e.Note(m.loaded, len(m.rows), len(m.shown), m.filter.Value())
}

func (m *Model) summaryLine() string {
	detail := fmt.Sprintf("%d open cases", len(m.rows))
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

func (m *Model) headings() string { return list.Headings(m.cols, m.width) }

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
