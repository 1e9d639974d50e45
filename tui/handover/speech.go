package handover

import (
	"fmt"
	"slices"

	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// heard is the field in focus when it was first spoken, and its text then: typing is
// echoed by the screen reader, never read back here (see noteeditor's heard).
type heard struct {
	at    int
	value string
	said  bool
}

// Speech is the handover in the accessible mode (common.Speaker): whose case, who holds
// it and the keys; what was refused, with its field; the confirmation when it is open;
// then the focused field: on the clinicians, the one under the cursor with their load
// against the cap; on the note or the reason, what it asks and, on arrival, its text.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	from := "no one"
	if m.from.ID != 0 {
		from = m.from.Name
	}
	out := []string{spoken.Sentence(fmt.Sprintf("Hand over the case of %s, held now by %s: tab and shift tab move between the fields, control g signs and hands over, escape leaves handing nothing over",
		m.person, from))}
	if m.problem != "" {
		out = append(out, spoken.Sentence(m.problem))
	}
	for _, f := range m.order() {
		if why := m.refusals[f]; why != "" {
			out = append(out, spoken.Sentence(fieldName(f)+": "+why))
		}
	}
	if m.dialog != nil {
		return append(out, m.dialog.Speech()...)
	}
	order := m.order()
	at := fmt.Sprintf("Field %d of %d, ", slices.Index(order, m.focus)+1, len(order))
	if m.focus == fieldWho {
		m.heard = heard{}
		if len(m.loads) == 0 {
			return append(out, at+"To: there is no other active clinician.")
		}
		l := m.loads[m.cursor]
		line := fmt.Sprintf("%d of %d: %s, %d open cases, the cap is %d", m.cursor+1, len(m.loads), l.Clinician.Name, l.Open, l.Cap)
		switch {
		case l.OverCap():
			line += ", over the cap: handing over needs a reason"
		case l.AtCap():
			line += ", at the cap: handing over needs a reason"
		}
		return append(out, at+spoken.Sentence(fmt.Sprintf("To: up and down choose among %d clinicians", len(m.loads))), spoken.Sentence(line))
	}
	if !m.heard.said || m.heard.at != m.focus {
		v := m.note.Value()
		if m.focus == fieldReason {
			v = m.reason.Value()
		}
		m.heard = heard{at: m.focus, value: v, said: true}
	}
	answer := spoken.Answer(m.heard.value)
	hint := m.note.Placeholder
	about := "Handover note, text, several lines"
	if m.focus == fieldReason {
		about, hint = "Over the cap: the reason, text", spoken.Capital(m.reason.Placeholder)+"."
	}
	line := at + spoken.Sentence(about+"; "+answer)
	if m.heard.value == "" {
		line += " " + hint
	}
	return append(out, line)
}

// fieldName is a field as a refusal names it.
func fieldName(f int) string {
	switch f {
	case fieldNote:
		return "Handover note"
	case fieldReason:
		return "Reason"
	}
	return "To"
}
