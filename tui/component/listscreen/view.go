package listscreen

import (
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// View draws the screen's lines above, the column headings, the rows that fit (with
// their headings), the screen's lines below, and the filter line at the foot while
// there is one. It only walks the rows on screen.
func (m *Model[R]) View(t *common.Theme, above, below []string) string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	for _, l := range above {
		lines = append(lines, common.Fit(l, m.width))
	}
	lines = append(lines, t.Header.Render(list.Headings(m.cols, m.width)))
	if note := m.note(); note != "" {
		for _, l := range common.Wrap(note, m.width) {
			lines = append(lines, t.Muted.Render(common.Fit(l, m.width)))
		}
	}
	h := m.Height()
	if m.spec.Group != nil {
		end := min(m.top+h, len(m.lines))
		for _, l := range m.lines[min(m.top, end):end] {
			if l.k < 0 {
				lines = append(lines, t.Section.Render(common.Clip(l.heading, m.width)))
				continue
			}
			lines = append(lines, m.row(t, &m.rows[m.shown[l.k]], l.k == m.win.Cursor))
		}
	} else {
		for ri, selected := range m.win.Visible(m.shown, h) {
			lines = append(lines, m.row(t, &m.rows[ri], selected))
		}
	}
	foot := len(below)
	if m.filter.Shown() {
		foot++
	}
	if foot > 0 {
		for len(lines) < m.height-foot {
			lines = append(lines, "")
		}
		for _, l := range below {
			lines = append(lines, common.Fit(l, m.width))
		}
		if m.filter.Shown() {
			lines = append(lines, m.filter.View(t, len(m.shown), len(m.rows), m.width))
		}
	}
	// At the smallest sizes the summary and headings alone are taller than the screen.
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

func (m *Model[R]) row(t *common.Theme, r *R, selected bool) string {
	return list.Row(m.cols, m.width, selected, t.Selected, func(id string) (string, *lipgloss.Style) {
		return m.spec.Cell(r, id)
	})
}

// note says why no row shows, or "".
func (m *Model[R]) note() string {
	if len(m.shown) > 0 || m.spec.Empty == nil {
		return ""
	}
	return m.spec.Empty(m.loaded, len(m.rows), m.filter.Value())
}
