package teamload

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
)

// View draws the summary, the column headings, the rows that fit, and at the foot the
// row under the cursor in full words while there is room for it.
func (m *Model) View() string {
	var below []string
	for _, l := range m.foot() {
		below = append(below, m.com.Theme.Muted.Render(common.Fit(l, m.list.Width())))
	}
	return m.list.View(m.com.Theme, []string{m.summaryLine()}, below)
}

// emptyNote says why no row shows.
func (m *Model) emptyNote(loaded bool, rows int, _ string) string {
	switch {
	case m.failed && !loaded:
		return "The team's caseloads could not be read: the status line says why."
	case !loaded:
		return "Loading the team's caseloads…"
	case rows == 0:
		return "No clinician holds cases."
	}
	return "No clinician matches the filter. Press esc to clear it."
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
	lines := common.Wrap(r.detail, m.list.Width())
	if len(lines) > footMost {
		lines = lines[:footMost]
		lines[footMost-1] = common.Clip(lines[footMost-1]+" …", m.list.Width())
	}
	return append([]string{""}, lines...)
}

// footHeight is the lines the foot keeps below the rows: a blank line and the longest
// row in words, so the list's height does not jump as the cursor moves; none on a short
// screen.
func (m *Model) footHeight() int {
	if m.height < footRoom {
		return 0
	}
	return 1 + min(len(common.Wrap(m.widestDetail(), max(m.list.Width(), 1))), footMost)
}

// widestDetail is the longest row in words, so the list's height does not jump as the
// cursor moves.
func (m *Model) widestDetail() string {
	var w string
	for _, r := range m.list.Rows() {
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
	rows := m.list.Rows()
	for _, r := range rows {
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
	if len(rows) > 0 && rows[0].cap > 0 { // one cap for the team (a setting)
		parts = append(parts, fmt.Sprintf("cap %d", rows[0].cap))
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
