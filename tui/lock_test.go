package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// minute sends the minute's tick at testNow plus m minutes, as the clock tick does.
func minute(d *tuitest.Driver, m int) *tuitest.Driver {
	return d.Send(common.TickMsg{Now: testNow.Add(time.Duration(m) * time.Minute)})
}

// The app locks once the setting's minutes pass without a key, not a tick before; a
// key postpones it (docs/RULES.md, "Idle lock").
func TestIdleLockAfterTheSetting(t *testing.T) {
	for _, tt := range []struct {
		name     string
		setting  string // "" leaves the default, 15
		keyAt    int    // a key pressed just after this minute's tick, or -1
		lockedAt int    // the first tick that finds it locked
	}{
		{"the default", "", -1, 15},
		{"five minutes", "5", -1, 5},
		{"thirty minutes", "30", -1, 30},
		{"a key at 10 postpones it to 26", "", 10, 26},
		{"a key at 14 postpones it to 30", "", 14, 30},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := testdb.OneCase(t, testNow)
			if tt.setting != "" {
				if _, err := c.Store.SetSetting(context.Background(), "os:test", testNow, domain.SettingIdleLockMinutes, tt.setting); err != nil {
					t.Fatal(err)
				}
			}
			app := newApp(t, c.Store)
			d := tuitest.New(t, app, 80, 24)
			for m := 1; m <= tt.lockedAt; m++ {
				minute(d, m)
				if app.Locked() != (m == tt.lockedAt) {
					t.Fatalf("minute %d: locked %v, want it locked first at minute %d", m, app.Locked(), tt.lockedAt)
				}
				if m == tt.keyAt {
					d.Keys("j")
				}
			}
		})
	}
}

// Drafts are saved as the app locks; the locked frame holds nothing but the sentence
// naming who is signed in; keys other than enter do nothing; enter goes back to the
// editor with its text, and what is typed next lands in it.
func TestIdleLockHidesTheRecordAndKeepsTheDraft(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	ctx := context.Background()
	app := newApp(t, c.Store)
	d := tuitest.New(t, app, 80, 24)
	d.Send(common.OpenCaseMsg{CaseID: c.ID, Tab: "notes"}).Keys("n")
	d.Type("Said the hostel felt unsafe")
	minute(d, 1)
	before := d.Screen()
	if !strings.Contains(before, "hostel felt unsafe") {
		t.Fatalf("the editor does not show the typing:\n%s", before)
	}
	// Typed in the minute before 09:01: the tick at 09:01 reads it as the last key.
	minute(d, 15)
	if app.Locked() {
		t.Fatal("locked at 09:15, under 15 minutes after the last key")
	}
	minute(d, 16)
	if !app.Locked() {
		t.Fatal("not locked 15 minutes after the last key")
	}
	ds, err := c.Store.Drafts(ctx, c.Clinician.ID)
	if err != nil || len(ds) != 1 || ds[0].Text != "Said the hostel felt unsafe" {
		t.Fatalf("drafts when it locked: %+v, %v; want the typing saved", ds, err)
	}
	screen := d.Screen()
	tuitest.AssertFits(t, screen, 80, 24)
	golden.RequireEqual(t, screen)
	for _, clinical := range []string{"hostel", "Note", "note", "Case", "999", "esc", "help"} {
		if strings.Contains(screen, clinical) {
			t.Errorf("the locked frame shows %q", clinical)
		}
	}
	d.Keys("x esc q ? ctrl+f tab").Type("typed blind")
	minute(d, 17)
	if !app.Locked() || d.Quit || d.Screen() != screen {
		t.Fatalf("keys other than enter acted while locked (quit %v):\n%s", d.Quit, d.Screen())
	}
	d.Keys("enter")
	if app.Locked() || d.Screen() != strings.Replace(before, "09:01", "09:17", 1) {
		t.Fatalf("after enter, locked %v; screen:\n%s\nwant as before:\n%s", app.Locked(), d.Screen(), before)
	}
	d.Type(" at night").Keys("esc")
	ds, err = c.Store.Drafts(ctx, c.Clinician.ID)
	if err != nil || len(ds) != 1 || ds[0].Text != "Said the hostel felt unsafe at night" {
		t.Fatalf("drafts after unlocking and typing on: %+v, %v", ds, err)
	}
}

// Enter unlocks to the very screen, cursor and filter the clinician left; the idle time
// counts again from then.
func TestUnlockReturnsToTheSameScreen(t *testing.T) {
	app := newApp(t, testdb.Demo(t, testNow))
	d := tuitest.New(t, app, 100, 30)
	d.Keys("r j j / a enter")
	minute(d, 1)
	before := d.Screen()
	minute(d, 16)
	if !app.Locked() {
		t.Fatal("not locked")
	}
	d.Keys("enter")
	// The queue's clocks have moved on 15 minutes; the cursor, the filter and the
	// screen are where they were.
	got := d.Screen()
	for _, marked := range []string{"›", "/ a", "Referral queue"} {
		if line(got, marked) != line(before, marked) || line(got, marked) == "" {
			t.Errorf("after unlocking, the line with %q is %q; want %q", marked, line(got, marked), line(before, marked))
		}
	}
	minute(d, 17) // reads enter as the last key
	minute(d, 31)
	if app.Locked() {
		t.Fatal("locked again 14 minutes after unlocking")
	}
	minute(d, 32)
	if !app.Locked() {
		t.Fatal("not locked 15 minutes after unlocking")
	}
}

// After an hour without a key the app quits, its drafts saved, saying why; a key
// pressed while locked other than enter does not keep it open.
func TestIdleCloseAfterAnHour(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	app := newApp(t, c.Store)
	d := tuitest.New(t, app, 80, 24)
	d.Send(common.EditNoteMsg{Note: domain.Note{CaseID: c.ID}}).Type("Late entry")
	minute(d, 1)
	minute(d, 16)
	d.Keys("x")
	minute(d, 60)
	if d.Quit || app.Closed() != "" {
		t.Fatalf("closed at 59 minutes: %q", app.Closed())
	}
	minute(d, 61)
	if !d.Quit || app.Closed() != "caseload closed after 60 minutes without a key: your drafts are saved" {
		t.Fatalf("at 60 minutes: quit %v, closed %q", d.Quit, app.Closed())
	}
	if err := app.FlushDrafts(); err != nil {
		t.Fatal(err)
	}
	ds, err := c.Store.Drafts(context.Background(), c.Clinician.ID)
	if err != nil || len(ds) != 1 || ds[0].Text != "Late entry" {
		t.Fatalf("drafts: %+v, %v", ds, err)
	}
}

// line is the first line of screen holding s, up to its first run of two spaces after
// it (what follows is a clock that moves), or "".
func line(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, s); i >= 0 {
			rest := l[i:]
			if j := strings.Index(rest[len(s)+1:], "  "); j >= 0 {
				rest = rest[:len(s)+1+j]
			}
			return rest
		}
	}
	return ""
}
