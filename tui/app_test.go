package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// newApp is the app as the first demo clinician sees it.
func newApp(t testing.TB, st *store.Store) *App {
	t.Helper()
	return newAppAs(t, st, "")
}

// newAppAs is newApp with the clinician's access set (the roles' migration fills it in
// the file; here it is set on the session).
func newAppAs(t testing.TB, st *store.Store, access domain.Access) *App {
	t.Helper()
	cs, err := st.Clinicians(context.Background())
	if err != nil || len(cs) == 0 {
		t.Fatalf("no clinicians to sign in as: %v", err)
	}
	// The session's account is bound to its clinician, as a real one is: the app closes
	// itself when a lead unbinds it.
	if err := st.BindClinician(context.Background(), "os:test", testNow, cs[0].ID, "test"); err != nil {
		t.Fatal(err)
	}
	// The demo's first clinician is its lead, whose Today warns, at its head, of a backup
	// or verify never made (tui/home tests that); a good one of each just made keeps the
	// warning away, so keys pressed on Today reach the day's work as they do for anyone.
	for _, kind := range []string{domain.SafetyBackup, domain.SafetyVerify} {
		if err := st.RecordSafetyCheck(context.Background(), "os:test", testNow, domain.SafetyCheck{Kind: kind, OK: true}); err != nil {
			t.Fatal(err)
		}
	}
	if access != "" {
		cs[0].Access = access
	}
	return appAs(cs[0], st)
}

// appOn is newApp on a file already set up by newApp once: it writes nothing.
func appOn(t testing.TB, st *store.Store) *App {
	t.Helper()
	cs, err := st.Clinicians(context.Background())
	if err != nil || len(cs) == 0 {
		t.Fatalf("no clinicians to sign in as: %v", err)
	}
	return appAs(cs[0], st)
}

func appAs(me domain.Clinician, st *store.Store) *App {
	com := tuitest.Session(testNow, me)
	com.ArmAfter = 0 // the driver skips timers, so dialogs arm at once; their own tests time the arming
	app := New(com, st, "test")
	app.StopTicking()
	return app
}

// drive opens the app on the demo and goes to the referral queue (r on the home
// screen), where most of these tests start.
func drive(t testing.TB, w, h int) *tuitest.Driver {
	t.Helper()
	return driveHome(t, w, h).Keys("r")
}

// driveHome opens the app on the demo, on the home screen.
func driveHome(t testing.TB, w, h int) *tuitest.Driver {
	t.Helper()
	return tuitest.New(t, newApp(t, testdb.Demo(t, testNow)), w, h)
}

func TestQueueGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(tuitest.SizeName(size.w, size.h), func(t *testing.T) {
			d := drive(t, size.w, size.h)
			screen := d.Screen()
			tuitest.AssertFits(t, screen, size.w, size.h)
			golden.RequireEqual(t, screen)
		})
	}
}

func TestEveryScreenFitsEverySize(t *testing.T) {
	// Each path ends on a different screen: the queue, a filtered queue, the detail,
	// the new-referral form, and the full help.
	paths := map[string]func(d *tuitest.Driver){
		"home":         func(d *tuitest.Driver) { d.Keys("esc") },
		"countdowns":   func(d *tuitest.Driver) { d.Keys("esc t") },
		"forums":       func(d *tuitest.Driver) { d.Keys("esc f") },
		"pathway":      func(d *tuitest.Driver) { d.Keys("esc t enter") },
		"case forums":  func(d *tuitest.Driver) { d.Keys("esc t enter 6 j j j") },
		"release form": func(d *tuitest.Driver) { d.Keys("esc t r") },
		"queue":        func(d *tuitest.Driver) {},
		"filter":       func(d *tuitest.Driver) { d.Keys("/").Type("o") },
		"detail":       func(d *tuitest.Driver) { d.Keys("enter") },
		"form":         func(d *tuitest.Driver) { d.Keys("n") },
		"help":         func(d *tuitest.Driver) { d.Keys("?") },
		"help filter":  func(d *tuitest.Driver) { d.Keys("? G /").Type("e") },
		"palette":      func(d *tuitest.Driver) { d.Keys("ctrl+k").Type("o") },
		"long way":     func(d *tuitest.Driver) { d.Keys("G enter pgdown pgdown") },
	}
	sizes := []struct{ w, h int }{{20, 5}, {39, 7}, {40, 8}, {80, 24}, {120, 40}, {200, 60}}
	// One demo for all 84 apps: the paths only look, and a copy of the demo each (as
	// drive makes) cost most of the test's time.
	st := testdb.Demo(t, testNow)
	newApp(t, st)
	for name, path := range paths {
		for _, s := range sizes {
			t.Run(name+"/"+tuitest.SizeName(s.w, s.h), func(t *testing.T) {
				d := tuitest.New(t, appOn(t, st), s.w, s.h).Keys("r")
				path(d)
				tuitest.AssertFits(t, d.Screen(), s.w, s.h)
			})
		}
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	d := driveHome(t, 20, 5)
	if !strings.Contains(strings.Join(strings.Fields(d.Screen()), " "), "Make the window larger") {
		t.Fatalf("no message at 20x5:\n%s", d.Screen())
	}
	d.Send(resize(80, 24))
	if !strings.Contains(d.Screen(), "caseload · Today") {
		t.Fatalf("home not back after growing:\n%s", d.Screen())
	}
}

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// Keys pressed while the window is too small do nothing: nothing is on screen to act
// on, so nothing may be recorded blind.
func TestKeysWaitWhileTooSmall(t *testing.T) {
	d := driveHome(t, 20, 6)
	d.Keys("t j r down enter enter")
	d.Send(resize(80, 24))
	if s := d.Screen(); !strings.Contains(s, "caseload · Today") {
		t.Fatalf("keys pressed blind moved the app:\n%s", s)
	}
}
