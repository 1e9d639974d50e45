package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// recorder records the keys it is given; x panics.
type recorder struct {
	faulty
	got []string
}

func (r *recorder) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "x" {
			var none []int
			_ = none[3]
		}
		r.got = append(r.got, k.String())
	}
	return r, nil
}

// brokenFlush is an editor whose state a panic left such that Flush itself panics.
type brokenFlush struct{ faulty }

func (b *brokenFlush) Flush() tea.Cmd { panic("the editor's state is broken") }

// A Flush that panics (a crash left the editor broken) neither escapes FlushDrafts nor
// keeps the drafts below it from being saved.
func TestAPanickingFlushDoesNotLoseTheOthers(t *testing.T) {
	st, _ := testdb.NoCases(t, testNow)
	app := newApp(t, st)
	tuitest.New(t, app, 80, 24)
	saved := 0
	app.push(&typing{flushed: &saved}, 0)
	app.push(&brokenFlush{}, 0)
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("FlushDrafts panicked: %v", r)
			}
		}()
		_ = app.FlushDrafts()
	}()
	if saved != 1 {
		t.Fatalf("the draft below was flushed %d times, want 1", saved)
	}
}

// After a panic in Update the root returns tea.Quit, which the program runs in a
// goroutine while it still delivers messages already queued (a burst, a paste): none of
// them may reach the screen whose Update just panicked.
func TestNoKeyReachesAScreenAfterACrash(t *testing.T) {
	st, _ := testdb.NoCases(t, testNow)
	app := newApp(t, st)
	app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	r := &recorder{}
	app.push(r, 0)
	app.Update(tuitest.Key("x"))
	if app.Crash() == nil {
		t.Fatal("no crash")
	}
	app.Update(tuitest.Key("y"))
	if len(r.got) != 0 {
		t.Fatalf("after the crash the screen was still given %v", r.got)
	}
}

// Keys held behind a slow command (here a ctrl+s save, not yet back) are not dropped by
// ctrl+c: the root hands them to the editor before it quits, and FlushDrafts saves the
// draft with them.
func TestCtrlCDoesNotDropHeldTyping(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	app := newApp(t, c.Store)
	d := tuitest.New(t, app, 80, 24)
	d.Send(common.EditNoteMsg{Note: domain.Note{CaseID: c.ID}})
	d.Type("Hi") // through the driver: every command runs, nothing is held
	// ctrl+s starts a save that is still under way (its command not yet back, as under
	// another process's write lock); the clinician types on, then ctrl+c.
	for _, k := range []string{"ctrl+s", " ", "t", "h", "e", "r", "e", "ctrl+c"} {
		app.Update(tuitest.Key(k))
	}
	if err := app.FlushDrafts(); err != nil {
		t.Fatal(err)
	}
	ds, err := c.Store.Drafts(context.Background(), c.Clinician.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Text, "Hi there") {
		t.Fatalf("drafts after ctrl+c: %+v; want the text typed after ctrl+s too", ds)
	}
}

// mute is a screen whose speech panics (a huh upgrade moved what it reads).
type mute struct{ faulty }

func (*mute) Speech() []string { panic("a field moved") }

// A panic while a screen says itself in the accessible mode stops the app as one while
// drawing does: the fault's sentence is what is said, never a Go stack.
func TestAPanickingSpeechStopsCleanly(t *testing.T) {
	st, _ := testdb.NoCases(t, testNow)
	app := newApp(t, st)
	app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	app.push(&mute{}, 0)
	f := app.Spoken()
	if app.Crash() == nil || len(f.Lines) != 1 || f.Lines[0] != crashWords || !f.Settled {
		t.Fatalf("spoken %+v, crash %v", f, app.Crash())
	}
}
