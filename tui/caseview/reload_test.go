package caseview

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the view's source as it is, and reads an open case again without
// auditing.
var (
	_ Source   = (*store.Store)(nil)
	_ Rereader = (*store.Store)(nil)
)

// twoWindows is one case open on tab in a view through one handle on the file, and a
// second handle, a colleague's process, to change it behind the view's back.
func twoWindows(t testing.TB, tab string, w, h int) (testdb.Case, *Model, *tuitest.Driver, *store.Store) {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	other, err := store.Open(context.Background(), c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	m := New(tuitest.Session(testNow, c.Clinician), c.Store, c.ID, tab)
	d, _ := tuitest.Open(t, m, w, h)
	return c, m, d, other
}

// signNote is a note of contact at, signed, by who through st.
func signNote(t testing.TB, st *store.Store, who, caseID int64, at time.Time, text string) domain.Note {
	t.Helper()
	ctx := context.Background()
	n, err := st.SaveNoteDraft(ctx, who, at, domain.Note{CaseID: caseID, Type: domain.NoteTelephone,
		ContactAt: at, DurationMinutes: 20, Text: text})
	if err == nil {
		n, err = st.SignNote(ctx, who, at, n.ID, n.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A note signed in another process joins the notes tab when the data changes, above the
// cursor, which stays on the note it was on.
func TestNoteSignedElsewhereJoinsWithoutMovingTheCursor(t *testing.T) {
	c, m, d, other := twoWindows(t, TabNotes, 120, 30)
	for i := range 3 {
		signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(10-i)*time.Hour), "Earlier contact.")
	}
	d.Send(common.CaseChangedMsg{CaseID: c.ID}).Keys("j")
	was := m.rec.notes[m.cursor].ID
	signNote(t, other, c.Clinician.ID, c.ID, testNow.Add(-time.Hour), "Seen today; plans for release discussed.")
	d.Send(common.DataChangedMsg{})
	if m.tab != TabNotes || len(m.rec.notes) != 4 || !strings.Contains(d.Screen(), "plans for release discussed") {
		t.Fatalf("tab %s, %d notes:\n%s", m.tab, len(m.rec.notes), d.Screen())
	}
	if got := m.rec.notes[m.cursor].ID; got != was || m.cursor != 2 {
		t.Errorf("cursor on note %d at %d, want %d at 2", got, m.cursor, was)
	}
}

// A release date changed by a colleague shows on the pathway tab, which stays open.
func TestReleaseChangedElsewhereShowsOnThePathway(t *testing.T) {
	c, m, d, other := twoWindows(t, TabPathway, 120, 40)
	to := domain.ReleaseDate{Date: ident.MustDate(2027, 8, 31), Kind: domain.ReleaseCRD}
	if _, err := other.ChangeRelease(context.Background(), "clinician:1", testNow, c.ID, to, "Parole refused."); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if m.tab != TabPathway || !strings.Contains(d.Screen(), "31 August 2027") {
		t.Errorf("tab %s:\n%s", m.tab, d.Screen())
	}
}

// Opening a case writes one "viewed" entry; reading it again, for a change here or in
// another process, writes none.
func TestReloadWritesNoSecondViewedEntry(t *testing.T) {
	c, _, d, other := twoWindows(t, TabSummary, 100, 30)
	signNote(t, other, c.Clinician.ID, c.ID, testNow.Add(-time.Hour), "Seen today.")
	d.Send(common.DataChangedMsg{})
	d.Send(common.CaseChangedMsg{CaseID: c.ID})
	if !strings.Contains(lineWith(d.Screen(), "Last contact"), "24 Nov 2026") {
		t.Errorf("the note signed elsewhere is not the last contact:\n%s", d.Screen())
	}
	entries, err := c.Store.AuditEntries(context.Background(), "case", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	viewed := 0
	for _, e := range entries {
		if e.Action == "case.viewed" {
			viewed++
		}
	}
	if viewed != 1 {
		t.Errorf("%d viewed entries after opening once and reloading twice, want 1", viewed)
	}
}

// While the signing dialog is open a reload is held, so the draft signed is the one the
// dialog was opened on; it is applied once the dialog closes.
func TestReloadWaitsForTheSigningDialog(t *testing.T) {
	c, m, d, other := twoWindows(t, TabFormulation, 120, 40)
	if _, err := c.Store.SaveFormulationDraft(context.Background(), c.Clinician.ID, testNow,
		domain.Formulation{CaseID: c.ID, Sections: map[domain.SectionID]string{"plan": "Weekly sessions."}}); err != nil {
		t.Fatal(err)
	}
	d.Send(common.CaseChangedMsg{CaseID: c.ID}).Keys("s")
	if m.dialog == nil {
		t.Fatalf("no signing dialog:\n%s", d.Screen())
	}
	signNote(t, other, c.Clinician.ID, c.ID, testNow.Add(-time.Hour), "Seen today.")
	d.Send(common.DataChangedMsg{})
	if len(m.rec.notes) != 0 || m.held == nil {
		t.Fatalf("the reload was applied under the dialog: %d notes", len(m.rec.notes))
	}
	d.Keys("n")
	if m.dialog != nil || len(m.rec.notes) != 1 || m.tab != TabFormulation {
		t.Errorf("after the dialog closed: dialog %v, %d notes, tab %s", m.dialog != nil, len(m.rec.notes), m.tab)
	}
}

func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// signVersion is a formulation version written and signed by who through st.
func signVersion(t testing.TB, st *store.Store, who, caseID int64, plan string) {
	t.Helper()
	ctx := context.Background()
	f, err := st.SaveFormulationDraft(ctx, who, testNow, domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"plan": plan}})
	if err == nil {
		_, err = st.SignFormulation(ctx, who, testNow, f.ID, f.Revision)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// In the versions list, a version signed elsewhere joins at the top; the cursor and the
// mark stay on the versions they were on.
func TestVersionSignedElsewhereKeepsCursorAndMark(t *testing.T) {
	c, m, d, other := twoWindows(t, TabFormulation, 120, 40)
	signVersion(t, c.Store, c.Clinician.ID, c.ID, "Weekly sessions.")
	signVersion(t, c.Store, c.Clinician.ID, c.ID, "Fortnightly sessions.")
	d.Send(common.CaseChangedMsg{CaseID: c.ID}).Keys("h j m")
	if !m.history || m.marked != 1 || m.rec.formulations[m.cursor].Version != 1 {
		t.Fatalf("history %v, marked %d, cursor on version %d", m.history, m.marked, m.rec.formulations[m.cursor].Version)
	}
	signVersion(t, other, c.Clinician.ID, c.ID, "Monthly sessions.")
	d.Send(common.DataChangedMsg{})
	fs := m.rec.formulations
	if len(fs) != 3 || !m.history || m.tab != TabFormulation {
		t.Fatalf("%d versions, history %v, tab %s", len(fs), m.history, m.tab)
	}
	if fs[m.cursor].Version != 1 || m.marked != 2 || fs[m.marked].Version != 1 {
		t.Errorf("cursor on version %d, marked index %d; want both on version 1", fs[m.cursor].Version, m.marked)
	}
}

// On a long notes tab, a reload that adds a note below leaves the scroll where it was.
func TestReloadKeepsTheNotesScroll(t *testing.T) {
	c, m, d, other := twoWindows(t, TabNotes, 120, 12)
	for i := range 30 {
		signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(i+1)*time.Hour), "Contact.")
	}
	d.Send(common.CaseChangedMsg{CaseID: c.ID})
	for range 15 {
		d.Keys("j")
	}
	cursor, offset, before := m.cursor, m.offset, d.Screen()
	if offset == 0 {
		t.Fatal("the notes tab does not scroll at this size")
	}
	signNote(t, other, c.Clinician.ID, c.ID, testNow.Add(-100*time.Hour), "An older contact, written up late.")
	d.Send(common.DataChangedMsg{})
	if len(m.rec.notes) != 31 || m.cursor != cursor || m.offset != offset || d.Screen() != before {
		t.Errorf("%d notes, cursor %d offset %d (want %d %d):\n%s", len(m.rec.notes), m.cursor, m.offset, cursor, offset, d.Screen())
	}
}
