package listscreen

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/component/list"
	"caseload/tui/spoken"
)

// Speech is what the list says to a screen reader (common.Speaker): the screen and how
// many rows, then where the cursor is and that row in words: "Referral queue, 15
// awaiting screening." and "1 of 15: Liam McAllister, overdue by 5 days 5 hours, Received.".
// With no row shown, the second line is why.
func (m *Model[R]) Speech() []string {
	count := domain.Count(len(m.shown), "row", "rows")
	if m.spec.Count != nil {
		count = m.spec.Count()
	}
	out := []string{sentence(m.spec.Title + ", " + count)}
	if q := m.filter.Value(); q == "" && m.filter.Active() {
		what := "Filter: type to narrow the list"
		if m.spec.Placeholder != "" {
			what = "Filter: type to narrow by " + m.spec.Placeholder
		}
		out = append(out, sentence(what+"; enter keeps it, escape clears it"))
	} else if q != "" {
		out = append(out, sentence(fmt.Sprintf("Filtered by %q: %d of %d match", q, len(m.shown), len(m.rows))))
	}
	r := m.Selected()
	if r == nil {
		if note := m.note(); note != "" {
			out = append(out, note)
		}
		return out
	}
	return append(out, sentence(fmt.Sprintf("%d of %d: %s", m.win.Cursor+1, len(m.shown), m.words(r))))
}

// words is a row in words: the screen's own, or every column's cell, comma-separated,
// the empty left out.
func (m *Model[R]) words(r *R) string {
	if m.spec.Words != nil {
		return m.spec.Words(r)
	}
	// The name as it is; every other cell after its heading ("Clinician: Dr Tom
	// Halliwell"), since "none yet, none, 0" said bare names nothing.
	var cells []string
	for i, c := range list.Layout(1<<16, m.wants) { // every column, however wide
		text, _ := m.spec.Cell(r, c.ID)
		if strings.TrimSpace(text) == "" {
			continue
		}
		if h := strings.TrimSpace(c.Heading); i > 0 && h != "" {
			text = h + ": " + text
		}
		cells = append(cells, text)
	}
	return strings.Join(cells, ", ")
}

// sentence is s as a screen reader should say it (spoken.Sentence): marks and the
// clocks' short spans ("5d 5h") in words, ended with a full stop.
func sentence(s string) string { return spoken.Sentence(s) }
