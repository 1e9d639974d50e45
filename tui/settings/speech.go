package settings

import (
	"fmt"
	"strings"

	"caseload/tui/common"
)

var _ common.Speaker = (*Model)(nil)

// Speech says the screen for the accessible mode: which settings, then the line under
// the cursor with its value, whether it is saved, and what it means or why it cannot
// be changed.
func (m *Model) Speech() []string {
	if !m.loaded {
		return []string{"Settings, reading."}
	}
	out := []string{fmt.Sprintf("Settings, %d of yours and %d of the service's.", m.yours(), len(m.rows)-m.yours())}
	for _, p := range m.problems {
		out = append(out, p.String()+".")
	}
	if len(m.rows) == 0 {
		return out
	}
	r := m.rows[m.cursor]
	whose := "yours"
	if r.service {
		whose = "the service's"
	}
	line := fmt.Sprintf("%d of %d, %s, %s: %s", m.cursor+1, len(m.rows), whose, r.label, m.shown(r, r.chosen))
	if r.chosen != r.saved {
		line += ", not saved, was " + m.shown(r, r.saved) + ", enter saves"
	}
	if n := m.note(r); n != "" {
		line += "; " + n
	}
	return append(out, strings.TrimSuffix(line, ".")+".")
}

// yours is how many of the rows are the person's own.
func (m *Model) yours() int {
	n := 0
	for _, r := range m.rows {
		if !r.service {
			n++
		}
	}
	return n
}
