package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
)

// signedNote is a signed note of the demo, any case.
func signedNote(t *testing.T, st *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	cases, err := st.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		notes, err := st.Notes(ctx, c.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if n.Signed() {
				return n.ID
			}
		}
	}
	t.Fatal("the demo has no signed note")
	return 0
}

// TestAHiddenFormNeverActs is finding 5: a release form half filled, then a note and
// its addendum opened over it; enter in the addendum once reached the release form three
// screens down, which submitted and recorded a release, while the addendum closed
// unsaved. Each form now hears only its own messages.
func TestAHiddenFormNeverActs(t *testing.T) {
	st := testdb.Demo(t, testNow)
	ctx := context.Background()
	d := openFromCountdowns(driveHome(t, 100, 40), "kavanagh")
	caseID := openCaseID(t, st, "Kavanagh-Reilly")
	before, err := st.ReleaseEvents(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	d.Keys("r down") // the release form, on "released"
	if !strings.Contains(d.Screen(), "What has happened?") {
		t.Fatalf("no release form:\n%s", d.Screen())
	}
	d.Send(common.OpenNoteMsg{NoteID: signedNote(t, st)}).Keys("a")
	if !strings.Contains(d.Screen(), "Addendum") {
		t.Fatalf("no addendum form:\n%s", d.Screen())
	}
	d.Keys("enter enter enter enter")
	after, err := st.ReleaseEvents(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("the release form under the addendum recorded %d events", len(after)-len(before))
	}
	if !strings.Contains(d.Screen(), "Addendum") {
		t.Fatalf("the addendum closed:\n%s", d.Screen())
	}
	d.Keys("esc esc")
	if !strings.Contains(d.Screen(), "Note") {
		t.Fatalf("esc esc on the addendum did not go back to the note:\n%s", d.Screen())
	}
	d.Keys("esc")
	if !strings.Contains(d.Screen(), "What has happened?") {
		t.Fatalf("the release form is gone from under the note:\n%s", d.Screen())
	}
}

// TestGlobalKeysWaitWhileTyping: ctrl+f and ? typed half-way through a form's field
// neither open search nor help over it; the typing stays where it was.
func TestGlobalKeysWaitWhileTyping(t *testing.T) {
	d := driveHome(t, 100, 40).Keys("n").Type("Abc").Keys("ctrl+f").Type("?d")
	s := d.Screen()
	if strings.Contains(s, "Search") || !strings.Contains(s, "New referral") {
		t.Fatalf("ctrl+f acted in the middle of a field:\n%s", s)
	}
	if !strings.Contains(s, "Abc?d") {
		t.Fatalf("the typing is not all in the field:\n%s", s)
	}
}

func openCaseID(t *testing.T, st *store.Store, family string) int64 {
	t.Helper()
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Person.FamilyName == family {
			return c.CaseID
		}
	}
	t.Fatalf("no open case of %s", family)
	return 0
}

// TestPasteGoesToTheFieldOnTop: pasted text lands in the form on top, whole; pasted
// onto a list it does nothing (its letters are not keys: an "n" pasted on Today must
// not open a form).
func TestPasteGoesToTheFieldOnTop(t *testing.T) {
	d := driveHome(t, 100, 40)
	d.Send(tea.PasteMsg{Content: "n"})
	if !strings.Contains(d.Screen(), "Today") {
		t.Fatalf("a paste on Today acted as a key:\n%s", d.Screen())
	}
	d.Keys("n").Send(tea.PasteMsg{Content: "Siân"})
	if !strings.Contains(d.Screen(), "> Siân") {
		t.Fatalf("the paste is not in the given name:\n%s", d.Screen())
	}
}

// A name pasted into the queue's filter filters as typing it would.
func TestPasteIntoTheQueueFilter(t *testing.T) {
	d := drive(t, 100, 40).Keys("/").Send(tea.PasteMsg{Content: "Kavanagh\n"})
	rows := rowsOf(d.Screen())
	if len(rows) != 1 || !strings.Contains(rows[0], "Kavanagh") {
		t.Fatalf("rows after pasting a name into the filter: %q", rows)
	}
}
