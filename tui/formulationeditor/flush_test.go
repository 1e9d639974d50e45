package formulationeditor

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// Two clinicians of one case open the formulation editor when it has no draft; the
// colleague's first save starts the draft, so this editor's saves are refused (the
// case's one draft is theirs). esc esc still leaves, keeping the text as a note draft.
func TestColleagueStartedTheDraftEscStillLeaves(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	colleague := domain.Clinician{Name: "Dr Amira Shah", Role: "clinical psychologist", Active: true}
	var err error
	if colleague.ID, err = c.Store.AddClinician(context.Background(), "test", testNow, colleague); err != nil {
		t.Fatal(err)
	}
	a, ha := window(t, c)
	st2, err := store.Open(context.Background(), c.Store.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	b, _ := tuitest.Open(t, New(tuitest.Session(testNow, colleague), st2, c.ID), 100, 30)
	b.Type("Colleague's view.").Keys("ctrl+s")
	a.Type("My formulation.").Keys("ctrl+s")
	t.Logf("screen after refused save:\n%s", a.Screen())
	a.Keys("esc")
	a.Keys("esc")
	if !left(ha) {
		cmd := ha.Screen.(common.Flusher).Flush()
		var ferr error
		if cmd != nil {
			ferr = cmd().(common.FlushedMsg).Err
		}
		kept := false
		ns, _ := c.Store.Drafts(context.Background(), c.Clinician.ID)
		for _, n := range ns {
			kept = kept || strings.Contains(n.Text, "My formulation.")
		}
		t.Fatalf("esc esc did not leave; Flush at ctrl+c: err=%v, text kept=%v\n%s", ferr, kept, a.Screen())
	}
}

// Another window of the same clinician saved the draft and this one has not heard yet
// when the app stops: the flush is refused, and the typing is kept elsewhere.
func TestFormulationFlushOfAStaleDraftKeepsTheTyping(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	a, _ := window(t, c)
	a.Type("Low mood.").Keys("ctrl+s")
	b, hb := window(t, c)
	a.Type(" Sleeping badly.").Keys("ctrl+s")
	b.Type(" Typed just before ctrl+c.")
	err := hb.Screen.(common.Flusher).Flush()().(common.FlushedMsg).Err
	for _, f := range versions(t, c) {
		if strings.Contains(sectionsText(f), "Typed just before ctrl+c.") {
			return
		}
	}
	ns, _ := c.Store.Drafts(context.Background(), c.Clinician.ID)
	for _, n := range ns {
		if strings.Contains(n.Text, "Typed just before ctrl+c.") {
			return
		}
	}
	t.Fatalf("typing lost at exit; Flush err = %v", err)
}
