package note

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the note in the accessible mode (common.Speaker), read in full, as there is
// no fold to scroll past: its kind, when and whether it is signed; who wrote it and who
// was present; its text a paragraph a line; each addendum; then the signing question
// when it is open, else the keys open on this note now.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	n, lon := m.note, m.com.London
	state := "a draft, not signed"
	if n.Signed() {
		state = "signed " + common.MediumTime(n.SignedAt, lon)
	}
	out := []string{spoken.Sentence(fmt.Sprintf("Note: %s, %s, %s; %s", n.Type.Label(),
		common.MediumTime(n.ContactAt, lon), domain.Count(n.DurationMinutes, "minute", "minutes"), state))}
	if n.LateEntry() {
		out = append(out, spoken.Sentence("A late entry: written "+common.MediumTime(n.CreatedAt, lon)+
			" for a contact on "+common.MediumTime(n.ContactAt, lon)))
	}
	out = append(out, spoken.Sentence("Author: "+m.name(n.AuthorID)), spoken.Sentence("Present: "+orNone(n.Present)))
	out = append(out, paragraphs("Text", n.Text)...)
	for i, a := range n.Addenda {
		out = append(out, spoken.Sentence(fmt.Sprintf("Addendum %d of %d, %s, by %s, signed %s", i+1, len(n.Addenda),
			kindLabel(a.Kind), m.name(a.AuthorID), common.MediumTime(a.SignedAt, lon))))
		out = append(out, paragraphs("", a.Text)...)
	}
	if m.dialog != nil {
		return append(out, m.dialog.Speech()...)
	}
	var ks [][2]string
	for _, b := range m.ShortHelp() {
		if h := b.Help(); b.Enabled() && h.Desc != "down" && h.Desc != "up" {
			ks = append(ks, [2]string{h.Key, h.Desc})
		}
	}
	return append(out, spoken.Keys(ks))
}

// paragraphs is a text said a paragraph a line, the first after label (if any); an
// empty text is said to be so.
func paragraphs(label, text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, spoken.Sentence(p))
		}
	}
	if len(out) == 0 {
		out = []string{"The text is empty."}
	}
	if label != "" {
		out[0] = label + ": " + out[0]
	}
	return out
}
