package search

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the search in the accessible mode (common.Speaker): where the focus is and
// what the keys do there; what the results answer; then the result under the cursor,
// what it is, when, whose and its matching text. The words being typed are never said
// (the screen reader echoes typing), and nothing here changes a letter at a time: the
// answer is said once typing pauses and the search comes back.
func (m *Model) Speech() []string {
	focus := "Search, typing in the box; tab moves to the results, escape clears the box."
	if !m.input.Focused() {
		focus = "Search, on the results; up and down move, enter opens, tab or slash returns to the box."
	}
	out := []string{focus}
	q := m.answered
	switch {
	case q == "":
		return append(out, "Type to search signed notes, addenda, formulations and your own drafts.")
	case m.failed:
		return append(out, fmt.Sprintf("Could not search for %q.", q))
	case len(m.hits) == 0:
		return append(out, fmt.Sprintf("No matches for %q.", q))
	case len(m.hits) >= limit:
		out = append(out, fmt.Sprintf("The first %d matches for %q: add words to narrow them.", limit, q))
	default:
		out = append(out, fmt.Sprintf("%s for %q.", domain.Count(len(m.hits), "match", "matches"), q))
	}
	h := m.hits[m.cursor]
	var text strings.Builder
	for _, p := range h.snippet {
		text.WriteString(p.text)
	}
	return append(out, spoken.Sentence(fmt.Sprintf("%d of %d: %s, %s, %s: %s", m.cursor+1, len(m.hits),
		h.kind, h.day, h.res.Person, text.String())))
}
