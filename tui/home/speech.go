package home

import (
	"fmt"
	"strings"

	"caseload/tui/spoken"
)

// Speech is Today in the accessible mode (common.Speaker): the summary of what is due,
// then the line under the cursor with its section, its clock words and whether it is the
// reader's own.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil // the driver waits for the agenda
	}
	// The summary unabridged: a width no window has. With the toggle on it begins
	// "Yours only: ".
	summary := strings.Replace(m.summaryText(1<<20), "Yours only", "yours only", 1)
	out := []string{spoken.Sentence("Today: " + summary)}
	it, ok := m.selected()
	if !ok {
		if m.mine {
			return append(out, "Nothing is due on your cases or drafts. Press m to show the team's.")
		}
		return append(out, "Nothing is due.")
	}
	line := fmt.Sprintf("%d of %d, %s: %s", m.cursor+1, len(m.shown), it.Section.Heading(), it.Text)
	if it.When != "" {
		line += ", " + it.When
	}
	if it.Urgent && !strings.Contains(it.When, "overdue") {
		line += ", overdue"
	}
	if it.Mine {
		line += ", yours"
	}
	return append(out, spoken.Sentence(line))
}
