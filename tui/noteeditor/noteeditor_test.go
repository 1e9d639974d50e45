package noteeditor

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// window is one editor window on the store file of c, through a store handle of its own
// (a second window is a second process in practice).
func window(t *testing.T, c testdb.Case, n domain.Note) (*tuitest.Driver, *tuitest.Host, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	d, h := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), st, n), 80, 24)
	return d, h, st
}

// drafts is the clinician's drafts as stored.
func drafts(t *testing.T, c testdb.Case) []domain.Note {
	t.Helper()
	ds, err := c.Store.Drafts(context.Background(), c.Clinician.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func startedDraft(t *testing.T, c testdb.Case, text string) domain.Note {
	t.Helper()
	n, err := c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow, domain.Note{CaseID: c.ID,
		Type: domain.NoteTelephone, ContactAt: testNow.Add(-time.Hour), Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func closed(h *tuitest.Host) bool {
	for _, m := range h.Sent {
		if _, ok := m.(common.BackMsg); ok {
			return true
		}
	}
	return false
}

// Finding 12: in a new note the focus starts on the Type chooser, which swallowed what
// was typed before the first tab. Now a printable key there goes to the note text.
func TestTypingBeforeTheFirstTabIsKept(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _, _ := window(t, c, domain.Note{CaseID: c.ID})
	d.Keys("right").Type("Seen at HMP Preston.").Keys("ctrl+s")
	ds := drafts(t, c)
	if len(ds) != 1 || ds[0].Text != "Seen at HMP Preston." || ds[0].Type != domain.NoteTelephone {
		t.Fatalf("drafts = %+v; want →'s type and the text typed before any tab", ds)
	}
}

// Finding 13: two ctrl+s in a new note, the second before the first save lands, made
// two drafts. The second now waits for the first.
func TestTwoSavesOfANewNoteMakeOneDraft(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h, _ := window(t, c, domain.Note{CaseID: c.ID})
	d.Type("Words.")
	var cmds []tea.Cmd
	for range 2 {
		var cmd tea.Cmd
		h.Screen, cmd = h.Screen.Update(tuitest.Key("ctrl+s"))
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if cmd != nil {
			d.Send(cmd())
		}
	}
	if ds := drafts(t, c); len(ds) != 1 {
		t.Fatalf("%d drafts after two ctrl+s, want 1", len(ds))
	}
	d.Type(" More.").Keys("ctrl+s")
	if ds := drafts(t, c); len(ds) != 1 || ds[0].Text != "Words. More." || ds[0].Revision != 2 {
		t.Fatalf("drafts = %+v", ds)
	}
}

// Finding 1, in the editors: two windows on one draft each save; the second is refused,
// says who saved it and when, and keeps its text as a new draft on request; nothing
// typed in either window is lost.
func TestSecondWindowKeepsItsTextAsANewDraft(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Started.")
	a, _, _ := window(t, c, n)
	b, hb, _ := window(t, c, n)
	a.Type(" From A.").Keys("ctrl+s")
	b.Type(" From B.").Keys("ctrl+s")
	screen := b.Screen()
	if !strings.Contains(screen, "Dr Tom Halliwell saved a newer version of this draft at 24 Nov 2026 09:00") ||
		!strings.Contains(screen, "ctrl+k keep mine as a new draft") {
		t.Fatalf("window B does not name the conflict:\n%s", screen)
	}
	tuitest.AssertFits(t, screen, 80, 24)
	if ds := drafts(t, c); len(ds) != 1 || ds[0].Text != "Started. From A." {
		t.Fatalf("after the refusal: %+v", ds)
	}
	b.Keys("ctrl+v")
	if s := b.Screen(); !strings.Contains(s, "Yours (not saved)") || !strings.Contains(s, "Started. From A.") {
		t.Fatalf("side by side does not show both:\n%s", s)
	}
	tuitest.AssertFits(t, b.Screen(), 80, 24)
	b.Keys("ctrl+v ctrl+k")
	texts := map[string]bool{}
	for _, d := range drafts(t, c) {
		texts[d.Text] = true
	}
	if len(texts) != 2 || !texts["Started. From A."] || !texts["Started. From B."] {
		t.Fatalf("drafts hold %v; want each window's text", texts)
	}
	b.Type(" Again.").Keys("esc")
	if !closed(hb) {
		t.Fatal("esc did not close window B")
	}
}

// Finding 3: a draft signed elsewhere while its editor was open left the editor stuck
// (esc, ctrl+s, q did nothing) and the typing lost. esc now leaves, keeping the text as
// a new draft, and the editor said who signed it, before any save, on the data change.
func TestEditorOfADraftSignedElsewhereLetsYouLeave(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Signed as it was.")
	d, h, _ := window(t, c, n)
	d.Type(" Typed after.")
	if _, err := c.Store.SignNote(context.Background(), c.Clinician.ID, testNow, n.ID, n.Revision); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if s := d.Screen(); !strings.Contains(s, "Dr Tom Halliwell signed this draft at 24 Nov 2026 09:00") {
		t.Fatalf("the editor does not say the draft was signed:\n%s", s)
	}
	d.Keys("esc")
	if !closed(h) {
		t.Fatalf("esc did not leave:\n%s", d.Screen())
	}
	ds := drafts(t, c)
	if len(ds) != 1 || ds[0].ID == n.ID || ds[0].Text != "Signed as it was. Typed after." {
		t.Fatalf("drafts = %+v; want the typing kept as a new draft", ds)
	}
	if got, _ := c.Store.Note(context.Background(), n.ID); got.Text != "Signed as it was." {
		t.Errorf("the signed note changed: %q", got.Text)
	}
}

// The same when the editor learns of the signing from its own save, and chooses to
// load the other: the signed note stands and the editor closes.
func TestSaveMeetingASignatureOffersTheChoices(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Signed.")
	d, h, _ := window(t, c, n)
	if _, err := c.Store.SignNote(context.Background(), c.Clinician.ID, testNow, n.ID, n.Revision); err != nil {
		t.Fatal(err)
	}
	d.Type(" More.").Keys("ctrl+s")
	s := d.Screen()
	if !strings.Contains(s, "signed this draft") || strings.Contains(s, "ctrl+o") {
		t.Fatalf("want the signing named and no saving over a signed note:\n%s", s)
	}
	d.Keys("ctrl+o") // not offered: does nothing but edit
	d.Keys("ctrl+l")
	if !closed(h) || len(drafts(t, c)) != 0 {
		t.Fatalf("loading the signed note: closed %v, drafts %+v", closed(h), drafts(t, c))
	}
}

// Finding 4, the editor's side: Flush saves what was typed within the pause, run
// directly as the root does after the program loop has ended.
func TestFlushSavesTypingNotYetSaved(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h, _ := window(t, c, domain.Note{CaseID: c.ID})
	if h.Screen.(common.Flusher).Flush() != nil {
		t.Fatal("nothing typed, yet Flush has work")
	}
	d.Type("Typed, then the terminal closed.")
	// A save under way and a flush overtaking it: the newest typing wins, one draft.
	var inFlight tea.Cmd
	h.Screen, inFlight = h.Screen.Update(tuitest.Key("ctrl+s"))
	d.Type(" Last words.")
	msg := h.Screen.(common.Flusher).Flush()()
	if f, ok := msg.(common.FlushedMsg); !ok || f.Err != nil {
		t.Fatalf("Flush = %#v", msg)
	}
	d.Send(inFlight())
	ds := drafts(t, c)
	if len(ds) != 1 || ds[0].Text != "Typed, then the terminal closed. Last words." {
		t.Fatalf("drafts = %+v", ds)
	}
}

// A window that saved over the other on purpose (ctrl+o) writes on the latest revision.
func TestSaveOverIsAChoice(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Start.")
	a, _, _ := window(t, c, n)
	b, _, _ := window(t, c, n)
	a.Type(" A.").Keys("ctrl+s")
	b.Type(" B.").Keys("ctrl+s")
	if ds := drafts(t, c); ds[0].Text != "Start. A." {
		t.Fatalf("saved over without asking: %+v", ds)
	}
	b.Keys("ctrl+o")
	if ds := drafts(t, c); len(ds) != 1 || ds[0].Text != "Start. B." || ds[0].Revision != 3 {
		t.Fatalf("after ctrl+o: %+v", ds)
	}
	b.Keys("ctrl+l") // no conflict any more: an ordinary key to the text
	if strings.Contains(b.Screen(), "newer version") {
		t.Fatal("the conflict is still shown")
	}
}

// The conflict's lines and the side-by-side view keep to the frame at every size.
func TestConflictFitsTheFrame(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Started, with a longer first line that has to wrap in a narrow window.")
	for _, size := range [][2]int{{40, 12}, {60, 16}, {120, 40}} {
		a, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, n), size[0], size[1])
		b, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store, n), size[0], size[1])
		a.Type(" A.").Keys("ctrl+s")
		b.Type(" B.").Keys("ctrl+s")
		tuitest.AssertFits(t, b.Screen(), size[0], size[1])
		b.Keys("ctrl+v")
		tuitest.AssertFits(t, b.Screen(), size[0], size[1])
		b.Keys("ctrl+o")
		n, _ = c.Store.Note(context.Background(), n.ID)
	}
}

// A change by another process is checked against the draft: the editor's own saves are
// no conflict; another window's save is named at once, before this one saves.
func TestDataChangeNamesOnlyAnotherWindowsSave(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := startedDraft(t, c, "Start.")
	d, _, _ := window(t, c, n)
	d.Type(" Mine.").Keys("ctrl+s").Send(common.DataChangedMsg{})
	if s := d.Screen(); strings.Contains(s, "newer version") || !strings.Contains(s, "Draft saved") {
		t.Fatalf("its own save read as a conflict:\n%s", s)
	}
	other, err := c.Store.Note(context.Background(), n.ID)
	if err == nil {
		other.Text = "Elsewhere."
		_, err = c.Store.SaveNoteDraft(context.Background(), c.Clinician.ID, testNow, other)
	}
	if err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if s := d.Screen(); !strings.Contains(s, "saved a newer version of this draft") {
		t.Fatalf("another window's save not named:\n%s", s)
	}
}

// A paste is saved as typing is: pasted into a new note (on the type chooser, so into
// the text), it is in the draft; alt+d at the end of the Present field, which crashes
// the bubbles text input, deletes safely.
func TestPasteIsSavedAndWordDeletionIsSafe(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _, _ := window(t, c, domain.Note{CaseID: c.ID})
	d.Send(tea.PasteMsg{Content: "Seen at HMP Preston.\nCalm, engaged."})
	d.Keys("tab tab tab tab").Type("COM and POM").Keys("left alt+d ctrl+s")
	ds := drafts(t, c)
	if len(ds) != 1 || ds[0].Text != "Seen at HMP Preston.\nCalm, engaged." || ds[0].Present != "COM and PO" {
		t.Fatalf("drafts = %+v; want the pasted text and the present field less its last letter", ds)
	}
}
