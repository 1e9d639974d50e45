package teamload

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// View draws the summary, the column headings, the rows that fit, and at the foot the
// row under the cursor in full words while there is room for it.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	lines := []string{common.Fit(m.summaryLine(), m.width), t.Header.Render(list.Headings(m.cols, m.width))}
	if !m.loaded {
		note := "Loading the team's caseloads…"
		if m.failed {
			note = "The team's caseloads could not be read: the status line says why."
		}
		lines = append(lines, t.Muted.Render(common.Fit(note, m.width)))
	} else if len(m.rows) == 0 {
		lines = append(lines, t.Muted.Render(common.Fit("No clinician holds cases.", m.width)))
	}
	for ri, selected := range m.win.Visible(m.shown, m.listHeight()) {
		lines = append(lines, m.renderRow(&m.rows[ri], selected))
	}
	if foot := m.foot(); len(foot) > 0 {
		for len(lines) < m.height-len(foot) {
			lines = append(lines, "")
		}
		for _, l := range foot {
			lines = append(lines, t.Muted.Render(common.Fit(l, m.width)))
		}
	}
	// At the smallest sizes the summary and headings alone are taller than the screen.
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// footRoom is the height from which the row under the cursor is spelt out at the foot;
// footMost is how many lines it may take.
const (
	footRoom = 10
	footMost = 4
)

// foot is the row under the cursor in full words, wrapped to the width, with a blank
// line above it; none on a short screen.
func (m *Model) foot() []string {
	r := m.selected()
	if r == nil || m.height < footRoom {
		return nil
	}
	lines := common.Wrap(r.detail, m.width)
	if len(lines) > footMost {
		lines = lines[:footMost]
		lines[footMost-1] = common.Clip(lines[footMost-1]+" …", m.width)
	}
	return append([]string{""}, lines...)
}

// listHeight is how many rows fit below the summary and headings, above the foot.
func (m *Model) listHeight() int {
	h := m.height - 2
	if m.height >= footRoom {
		h -= 1 + min(len(common.Wrap(m.widestDetail(), max(m.width, 1))), footMost)
	}
	return max(h, 0)
}

// widestDetail is the longest row in words, so the list's height does not jump as the
// cursor moves.
func (m *Model) widestDetail() string {
	var w string
	for _, r := range m.rows {
		if len(r.detail) > len(w) {
			w = r.detail
		}
	}
	return w
}

func (m *Model) summaryLine() string {
	t := m.com.Theme
	if !m.loaded {
		return t.Title.Render("Team")
	}
	open, over, left, nobody := 0, 0, 0, 0
	for _, r := range m.rows {
		n := 0
		for _, p := range r.phases {
			n += p
		}
		open += n
		switch {
		case r.id == 0:
			nobody += n
		case r.left:
			left++
		case r.alarming:
			over++
		}
	}
	parts := []string{fmt.Sprintf("%d open cases", open)}
	if len(m.rows) > 0 && m.rows[0].cap > 0 { // one cap for the team (a setting)
		parts = append(parts, fmt.Sprintf("cap %d", m.rows[0].cap))
	}
	for _, a := range []struct {
		n    int
		what string
	}{{over, "over the cap"}, {left, "has left"}, {nobody, "unallocated"}} {
		if a.n > 0 {
			parts = append(parts, fmt.Sprintf("⚠ %d %s", a.n, a.what))
		}
	}
	return t.Title.Render("Team") + t.Muted.Render(" · "+strings.Join(parts, " · "))
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
	switch {
	case id == colName && (r.id == 0 || r.left):
		return r.name, &t.Muted
	case id == colName:
		return r.name, nil
	case id == colOpen && r.alarming:
		return r.open, &t.Overdue
	case id == colOpen:
		return r.open, nil
	case id == colDrafts:
		return count(r.drafts, t)
	case id == colReports:
		return count(r.reports, t)
	case id == colStanding && r.alarming:
		return r.standing, &t.Overdue
	case id == colStanding:
		return r.standing, &t.DueSoon
	case strings.HasPrefix(id, colPhase):
		return count(r.phases[id[len(colPhase)]-'0'], t)
	}
	return "", nil
}

// count is a number for a column of them, 0 muted so the others stand out.
func count(n int, t *common.Theme) (string, *lipgloss.Style) {
	if n == 0 {
		return "0", &t.Muted
	}
	return fmt.Sprint(n), nil
}
