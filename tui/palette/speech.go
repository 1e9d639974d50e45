package palette

import (
	"fmt"

	"caseload/internal/domain"
	"caseload/tui/spoken"
)

// Speech is the palette said to a screen reader (common.Speaker): what it is and the
// keys, what is typed and how many match, then the item under the cursor with its key
// and, for one not possible now, why; the typing itself is the screen reader's to echo.
func (m *Model) Speech() []string {
	out := []string{"Command palette: type to find an action or a place; up and down move, enter runs, escape closes."}
	if q := m.Query(); q != "" {
		out = append(out, spoken.Sentence(fmt.Sprintf("%q: %s", q, domain.Count(len(m.shown), "match", "matches"))))
	}
	if len(m.shown) == 0 {
		return append(out, "Nothing matches.")
	}
	it := m.items[m.shown[m.win.Cursor]]
	line := fmt.Sprintf("%d of %d: %s", m.win.Cursor+1, len(m.shown), it.Desc)
	if it.Key != "" {
		line += ", key " + spoken.Key(it.Key)
	}
	if it.Hint != "" {
		line += " (" + it.Hint + ")"
	}
	if !it.Live() {
		line += "; not now: " + it.Why
	}
	return append(out, spoken.Sentence(line))
}
