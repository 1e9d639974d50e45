package note

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// view opens the note view on note id through a store handle of its own, as one window.
func view(t *testing.T, c testdb.Case, id int64, w, h int) *tuitest.Driver {
	t.Helper()
	st, err := store.Open(context.Background(), c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	com := tuitest.Session(testNow, c.Clinician)
	com.ArmAfter = 0 // the driver skips timers: the dialog arms at once
	d, _ := tuitest.Open(t, New(com, st, id), w, h)
	return d
}

func aDraft(t *testing.T, c testdb.Case, text string) domain.Note {
	t.Helper()
	n, err := c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow, domain.Note{CaseID: c.ID,
		Type: domain.NoteFaceToFace, ContactAt: testNow.Add(-time.Hour), DurationMinutes: 50, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Finding 12: the signing dialog replaced the note it asks the clinician to read. The
// note now stays on screen above the dialog, at every size the frame is held to.
func TestSigningDialogShowsTheNote(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := aDraft(t, c, "He spoke about his sister's visit.")
	for _, size := range [][2]int{{80, 24}, {50, 14}} {
		d := view(t, c, n.ID, size[0], size[1]).Keys("s")
		s := d.Screen()
		if !strings.Contains(s, "Sign this note?") || !strings.Contains(s, "He spoke about his sister") {
			t.Fatalf("at %v the dialog hides the note:\n%s", size, s)
		}
		tuitest.AssertFits(t, s, size[0], size[1])
	}
}

// Finding 2, on screen: the view shows revision 1; another window saves revision 2;
// y is refused by the store, the note stays a draft, and the dialog opens again on the
// newer text saying why. Signing then signs what is now on screen.
func TestSigningAfterAnotherWindowSavedShowsTheNewerText(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := aDraft(t, c, "What this window shows.")
	d := view(t, c, n.ID, 80, 24).Keys("s")
	newer := n
	newer.Text = "What the other window wrote."
	if _, err := c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow.Add(time.Minute), newer); err != nil {
		t.Fatal(err)
	}
	d.Keys("y")
	s := d.Screen()
	if !strings.Contains(s, "Not signed: Dr Tom Halliwell saved a newer version at 24 Nov 2026 09:01") ||
		!strings.Contains(s, "What the other window wrote.") || !strings.Contains(s, "Sign this note?") {
		t.Fatalf("after the refused signing:\n%s", s)
	}
	if got, _ := c.Store.Note(context.Background(), n.ID); got.Signed() {
		t.Fatal("a revision never shown was signed")
	}
	d.Keys("y")
	got, err := c.Store.Note(context.Background(), n.ID)
	if err != nil || !got.Signed() || got.Text != "What the other window wrote." {
		t.Fatalf("signing what is on screen: %+v, %v", got, err)
	}
}

// A change by another process while the dialog is open: the view reads the note again
// and the dialog shows the newer text before anything can be signed.
func TestDataChangeUnderAnOpenDialogShowsTheNewerText(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := aDraft(t, c, "First words.")
	d := view(t, c, n.ID, 80, 24).Keys("s")
	n.Text = "Second words."
	if _, err := c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow, n); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if s := d.Screen(); !strings.Contains(s, "Second words.") || !strings.Contains(s, "saved again in another window") {
		t.Fatalf("the dialog still shows the older text:\n%s", s)
	}
}

// Finding 12: the addendum's confirmation had no arming delay. Keys reaching it before
// com.ArmAfter are ignored; after it, they answer.
func TestAddendumConfirmationArms(t *testing.T) {
	com := tuitest.Session(testNow, domain.Clinician{ID: 1})
	var yes bool
	f := armed(com, huh.NewConfirm().Title("Sign this addendum?").Affirmative("Sign").Negative("Not yet").Value(&yes))
	f.WithKeyMap(huh.NewDefaultKeyMap())
	arm := f.Focus()
	y := tea.KeyPressMsg{Code: 'y', Text: "y"}
	if _, cmd := f.Update(y); cmd != nil || yes {
		t.Fatal("y before the arming delay was taken")
	}
	if _, cmd := f.Update(tuitest.Key("enter")); cmd != nil {
		t.Fatal("enter before the arming delay was taken")
	}
	start := time.Now()
	msg := arm()
	if time.Since(start) < com.ArmAfter/2 {
		t.Fatal("arming did not wait")
	}
	f.Update(msg)
	if _, cmd := f.Update(y); cmd == nil || !yes {
		t.Fatal("y after arming was ignored")
	}
	// Reaching it again re-arms: the first visit's arming does not count.
	f.Focus()
	f.Update(msg)
	if f.armed {
		t.Fatal("an earlier visit's arming armed a later one")
	}
}
