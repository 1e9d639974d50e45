package tui

import (
	"bytes"
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/spoken"
	"caseload/tui/tuitest"
)

// TestAccessibleNoteAndEditor: a note opened from a case is said in full (kind, when,
// signed or a draft, author, its text, the keys), and the note editor says the field
// reached and its text; typing a note says nothing a letter at a time, as the screen
// reader echoes the keys itself.
func TestAccessibleNoteAndEditor(t *testing.T) {
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(newApp(t, testdb.Demo(t, testNow)), &out, "\n"), 100, 30)
	heard := func() []string {
		s := strings.TrimSuffix(out.String(), "\n")
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	d.Keys("c enter 3")
	out.Reset()
	d.Keys("n")
	said := heard()
	tuitest.Says(t, said, "Writing a note: tab and shift tab move between the fields", "Not saved yet:",
		"Field 1 of 5, Type of contact: a choice of ", "Type: face to face is chosen.")
	assertSpoken(t, said, nil)
	out.Reset()
	d.Keys("right")
	if got := heard(); len(got) != 1 || got[0] != "Type: telephone is chosen." {
		t.Errorf("right said %q, want only the type chosen", got)
	}
	out.Reset()
	d.Keys("tab tab tab tab")
	tuitest.Says(t, heard(), "Field 5 of 5, Note, text, several lines; empty.")
	for _, k := range []string{"a", "b", "c"} {
		out.Reset()
		d.Type(k)
		if out.Len() != 0 {
			t.Errorf("typing %q said %q", k, out.String())
		}
	}
	out.Reset()
	d.Keys("shift+tab")
	tuitest.Says(t, heard(), "Field 4 of 5, Present, who was there, text; empty.")
	out.Reset()
	d.Keys("tab")
	tuitest.Says(t, heard(), "Field 5 of 5, Note, text, several lines; it says: abc.")
	out.Reset()
	d.Keys("ctrl+s")
	tuitest.Says(t, heard(), "Draft saved;")

	out.Reset()
	d.Keys("esc")
	tuitest.Says(t, heard(), "1 note (n new, enter opens, / filters).")
	out.Reset()
	d.Keys("enter")
	said = heard()
	tuitest.Says(t, said, "Note: telephone, 24 Nov 2026 09:00, 0 minutes; a draft, not signed.", "Author: ", "Present: not recorded.", "Text: abc.",
		"Keys: escape back, e edit draft, s sign.")
	assertSpoken(t, said, nil)
	out.Reset()
	d.Keys("s")
	tuitest.Says(t, heard(), "Sign this note?", "Press y to sign, or n or escape to cancel.")
}
