package caseview

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// noteLines lists the notes newest contact first, one a line: when, type, author,
// whether signed, and how it starts. Only the h lines from the scroll offset are drawn:
// a case may hold thousands of notes.
func (m *Model) noteLines(h int) []string {
	t := m.com.Theme
	lines := []string{t.Header.Render(common.Clip(domain.Count(len(m.rec.notes), "note", "notes")+" (n new, enter opens, / filters)", m.width)), ""}
	if len(m.rec.notes) == 0 {
		return append(lines, t.Muted.Render("No notes yet. Press n to write the first."))
	}
	shown := m.noteCount()
	if shown == 0 {
		return append(lines, t.Muted.Render(common.Fit("No note matches the filter. Press esc to clear it.", m.width)))
	}
	// Blank lines stand in for the notes above the window, so window() cuts in the
	// same place as if every line were drawn.
	first := max(min(m.offset, shown+listTop-h)-listTop, 0)
	for range first {
		lines = append(lines, "")
	}
	for i := first; i < shown && i < first+h; i++ {
		n := m.rec.notes[m.noteAt(i)]
		state := noteState(n)
		if !n.Signed() && n.StaleDraft(m.now) {
			state = strings.Replace(state, "DRAFT", "DRAFT, unsigned since "+common.MediumTime(n.CreatedAt, m.com.London), 1)
		}
		if len(n.Addenda) > 0 {
			state += fmt.Sprintf(", %d addend%s", len(n.Addenda), plural(len(n.Addenda), "um", "a"))
		}
		first := common.OneLine(strings.TrimSpace(n.Text))
		line := fmt.Sprintf("%s  %-14s %-16s %s · %s", common.MediumTime(n.ContactAt, m.com.London),
			n.Type.Label(), m.rec.name(n.AuthorID), state, first)
		if i == m.cursor {
			lines = append(lines, t.Selected.Render(common.Fit("› "+line, m.width)))
		} else {
			lines = append(lines, common.Fit("  "+line, m.width))
		}
	}
	return lines
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// noteState is whether a note is signed, in the words the list and its filter use.
func noteState(n domain.Note) string {
	state := "signed"
	if !n.Signed() {
		state = "DRAFT"
	}
	if n.LateEntry() {
		state += ", late entry"
	}
	return state
}
