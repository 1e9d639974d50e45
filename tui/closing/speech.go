package closing

import (
	"fmt"
	"slices"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the closing form in the accessible mode (common.Speaker): whose case and the
// keys; whether the draft is saved (said when that changes, never as a letter is
// typed) and how many parts are written; each refusal with the field it names; a
// conflict's sentence and choices; the signing question when it is open; then the
// focused field, what it asks and, on arriving at it, its text.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	out := []string{spoken.Sentence("Closing the case of " + m.person +
		": tab and shift tab move between the fields, control g signs the discharge summary and closes the case, control s saves now, escape saves and leaves")}
	out = append(out, autosave.SavedSpeech(m.auto.Base().ID != 0))
	if m.problem != "" {
		out = append(out, spoken.Sentence(m.problem))
	}
	for _, f := range m.order() {
		if why := m.refusals[m.domainField(f)]; why != "" {
			out = append(out, spoken.Sentence(m.label(f)+": "+why))
		}
	}
	if m.conflict != nil {
		out = append(out, m.conflict.Speech(m.com.London, "discharge summary")...)
	}
	if m.dialog != nil {
		return append(out, m.dialog.Speech()...)
	}
	m.heard.Arrive(m.focus, m.conflict, m.focusedValue)
	return append(out, m.fieldSpeech()...)
}

// label is a field's name as the form shows it; a part's is its title.
func (m *Model) label(f int) string {
	switch f {
	case fieldOn:
		return "Closed on"
	case fieldReason:
		return "Reason"
	case fieldTransferred:
		return "Transferred to"
	case fieldWords:
		return "In words"
	case fieldDied:
		return "Date of death"
	}
	return domain.DischargeParts[f-partField].Title
}

// domainField is the field a refusal names for form field f.
func (m *Model) domainField(f int) domain.Field {
	switch f {
	case fieldOn:
		return domain.FieldClosedOn
	case fieldReason:
		return domain.FieldClosingReason
	case fieldTransferred:
		return domain.FieldTransferredTo
	case fieldWords:
		return domain.FieldClosingWords
	case fieldDied:
		return domain.FieldDiedOn
	}
	return domain.Field(domain.DischargeParts[f-partField].ID)
}

// focusedValue is the text of the focused field ("" on the reason).
func (m *Model) focusedValue() string {
	if in := m.inputOf(m.focus); in != nil {
		return in.Value()
	}
	if m.focus >= partField {
		return m.area.Value()
	}
	return ""
}

// fieldSpeech is the focused field: where it stands among those shown, what it asks,
// and its answer as heard on arrival; the reason says its choice as it changes.
func (m *Model) fieldSpeech() []string {
	order := m.order()
	at := fmt.Sprintf("Field %d of %d, ", slices.Index(order, m.focus)+1, len(order))
	if m.focus == fieldReason {
		var names []string
		for _, r := range domain.ClosingReasons {
			names = append(names, r.Label())
		}
		chosen := "none chosen"
		if r := m.chosen(); r != "" {
			chosen = r.Label() + " is chosen"
		}
		return []string{
			at + spoken.Sentence("Reason for closing: a choice of "+strings.Join(names, ", ")+"; left and right choose"),
			spoken.Sentence("Reason: " + chosen),
		}
	}
	about := m.label(m.focus)
	switch m.focus {
	case fieldOn:
		about += ", the day the case closed, London, as year-month-day"
	case fieldDied:
		about += ", as year-month-day"
	}
	kind := "text"
	if m.focus >= partField {
		p := m.focus - partField
		about += fmt.Sprintf(", part %d of %d of the discharge summary: %s", p+1, len(domain.DischargeParts), domain.DischargeParts[p].Hint)
		kind = "text, several lines"
	}
	answer := spoken.Answer(m.heard.Value)
	return []string{at + spoken.Sentence(about+"; "+kind+"; "+answer)}
}
