package noteeditor

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/autosave"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the editor in the accessible mode (common.Speaker): which note and the keys
// that move and save; whether the draft is saved; a refused save; a conflict's sentence
// and choices; then the focused field and, on arriving at it, its text. Nothing here
// changes as a letter is typed: "unsaved" and "saving" come and go with every pause in
// typing and are not said; that the draft is saved is said once, when it first is.
func (m *Model) Speech() []string {
	// Not the title, which changes as the first save lands: the line would be said again.
	out := []string{"Writing a note: tab and shift tab move between the fields, control s saves now, escape saves and closes."}
	out = append(out, autosave.SavedSpeech(m.auto.Base().ID != 0))
	if m.problem != "" {
		out = append(out, spoken.Sentence(m.problem))
	}
	if m.conflict != nil {
		out = append(out, m.conflict.Speech(m.com.London, "draft")...)
	}
	m.heard.Arrive(m.focus, m.conflict, m.fieldValue)
	return append(out, m.fieldSpeech()...)
}

// fieldValue is the text of the focused field.
func (m *Model) fieldValue() string {
	switch m.focus {
	case fieldContact:
		return m.contact.Value()
	case fieldDuration:
		return m.duration.Value()
	case fieldPresent:
		return m.present.Value()
	case fieldText:
		return m.text.Value()
	}
	return ""
}

// fieldSpeech is the focused field: what it asks, and its answer as heard on arrival.
func (m *Model) fieldSpeech() []string {
	at := fmt.Sprintf("Field %d of %d, ", m.focus+1, fields)
	if m.focus == fieldType {
		var names []string
		for _, t := range domain.NoteTypes {
			names = append(names, t.Label())
		}
		return []string{
			at + spoken.Sentence("Type of contact: a choice of "+strings.Join(names, ", ")+"; left and right choose; typing a letter starts the note"),
			spoken.Sentence("Type: " + domain.NoteTypes[m.typ].Label() + " is chosen"),
		}
	}
	about := map[int]string{
		fieldContact:  "Contact, when it happened, London time, as year-month-day hours:minutes, text",
		fieldDuration: "Minutes, how long, text",
		fieldPresent:  "Present, who was there, text",
		fieldText:     "Note, text, several lines",
	}[m.focus]
	answer := spoken.Answer(m.heard.Value)
	line := at + spoken.Sentence(about+"; "+answer)
	if m.focus == fieldText && m.heard.Value == "" {
		line += " " + m.text.Placeholder
	}
	return []string{line}
}
