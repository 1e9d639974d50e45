package forums

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/component/list"
)

// footFor is the fields of r that no column shows whole, joined for the foot line: a
// dropped column's, or a name or chair cut short to fit its column.
func footFor(r *row, cols []list.Column) string {
	if r == nil {
		return ""
	}
	var words []string
next:
	for _, p := range r.footParts() {
		for _, c := range cols {
			if c.ID == p.col && ansi.StringWidth(p.value) <= c.Width {
				continue next
			}
		}
		words = append(words, p.words)
	}
	return strings.Join(words, " · ")
}

// counts is how many meetings show and how many of their reports are overdue: "3
// meetings, 1 report overdue". A few dozen rows at most.
func (m *Model) counts() string {
	overdue := 0
	rows := m.list.Rows()
	for _, ri := range m.list.Shown() {
		if rows[ri].urgency == reportOverdue {
			overdue++
		}
	}
	return countsText(len(m.list.Shown()), overdue)
}
