package reopen

import (
	"fmt"
	"strings"

	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the reopening in the accessible mode (common.Speaker): whose case and the
// closing it undoes, who may reopen and the keys; a refusal; the confirmation when it is
// open; then the reason, as it stood when first said: what is typed is echoed by the
// screen reader, so the line does not change a letter at a time.
func (m *Model) Speech() []string {
	c := m.closing.Closure
	out := []string{
		spoken.Sentence(fmt.Sprintf("Reopen the case of %s, closed on %s: %s", m.person, c.On.Medium(), c.Says())),
		"Only a lead reopens a case, with the reason; both are audited. Control g reopens, escape leaves it closed.",
	}
	if m.problem != "" {
		out = append(out, spoken.Sentence(m.problem))
	}
	if m.dialog != nil {
		return append(out, m.dialog.Speech()...)
	}
	if m.heard == nil {
		v := strings.Join(strings.Fields(m.reason.Value()), " ")
		m.heard = &v
	}
	if *m.heard == "" {
		return append(out, "Reason, text, several lines; empty. "+m.reason.Placeholder)
	}
	return append(out, spoken.Sentence("Reason, text, several lines; it says: "+*m.heard))
}
