package note

import (
	"testing"

	"caseload/internal/testdb"

	"caseload/tui/tuitest"
)

// The note is said in full, a paragraph a line, with its state and the keys open; the
// signing question replaces the keys while it is open.
func TestNoteSpeech(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := aDraft(t, c, "He spoke about his sister's visit.\n\nHe slept badly… twice.")
	d := view(t, c, n.ID, 80, 24)
	m := d.Model.(*tuitest.Host).Screen
	lines := tuitest.Speech(t, m)
	tuitest.Says(t, lines, "Note: face to face, 24 Nov 2026 08:00, 50 minutes; a draft, not signed.",
		"Author: Dr Tom Halliwell", "Present: not recorded.", "Text: He spoke about his sister's visit.",
		"He slept badly twice.", "Keys: escape back, e edit draft, s sign.")
	d.Keys("s")
	tuitest.Says(t, tuitest.Speech(t, m), "Sign this note?", "Press y to sign, or n or escape to cancel.")
	d.Keys("y")
	lines = tuitest.Speech(t, m)
	tuitest.Says(t, lines, "Note: face to face, 24 Nov 2026 08:00, 50 minutes; signed 24 Nov 2026 09:00.", "Keys: escape back, a addendum.")
}
