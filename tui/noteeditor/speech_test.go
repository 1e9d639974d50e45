package noteeditor

import (
	"slices"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// The editor says the focused field and its text on arrival, and nothing new as a
// letter is typed; a conflict is said with its choices and the text stored now.
func TestNoteEditorSpeech(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h, _ := window(t, c, domain.Note{CaseID: c.ID})
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Writing a note: tab and shift tab move", "Not saved yet:",
		"Field 1 of 5, Type of contact: a choice of face to face,", "Type: face to face is chosen.")
	d.Keys("right")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Type: telephone is chosen.")
	d.Keys("tab tab tab tab")
	before := tuitest.Speech(t, h.Screen)
	tuitest.Says(t, before, "Field 5 of 5, Note, text, several lines; empty. What happened")
	for _, k := range []string{"a", "b", "c"} {
		d.Type(k)
		if got := tuitest.Speech(t, h.Screen); !slices.Equal(got, before) {
			t.Fatalf("typing %q changed what is said:\n%q\nwas\n%q", k, got, before)
		}
	}
	d.Keys("shift+tab")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Field 4 of 5, Present, who was there, text; empty.")
	d.Keys("tab")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Field 5 of 5, Note, text, several lines; it says: abc.")
	d.Keys("ctrl+s")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Draft saved;")

	n := startedDraft(t, c, "Started.")
	a, _, _ := window(t, c, n)
	b, hb, _ := window(t, c, n)
	a.Type(" From A.").Keys("ctrl+s")
	b.Type(" From B.").Keys("ctrl+s")
	tuitest.Says(t, tuitest.Speech(t, hb.Screen),
		"Dr Tom Halliwell saved a newer version of this draft at 24 Nov 2026 09:00 in another window.",
		"Choose: control k keep mine as a new draft, control l load the other, drop mine,",
		"The version stored now says: Started. From A.")
}
