package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// mouseApp is the app on the demo with the mouse turned on, on the referral queue.
func mouseApp(t *testing.T, on bool) (*App, *tuitest.Driver) {
	t.Helper()
	a := newApp(t, testdb.Demo(t, testNow))
	a.com.Mouse = on
	return a, tuitest.New(t, a, 120, 40).Keys("r")
}

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// cursorLine is the row under the cursor.
func cursorLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "› ") {
			return l
		}
	}
	return ""
}

// Off by default: the terminal is not asked for the mouse (so text can be selected and
// copied), and a click reaches no screen.
func TestMouseOffByDefault(t *testing.T) {
	a, d := mouseApp(t, false)
	if a.View().MouseMode != tea.MouseModeNone {
		t.Fatal("the mouse is asked for with the setting off")
	}
	before := d.Screen()
	d.Send(click(5, 6)).Send(click(5, 6)).Send(tea.MouseWheelMsg{X: 5, Y: 6, Button: tea.MouseWheelDown})
	if d.Screen() != before {
		t.Errorf("the mouse moved the queue with the setting off:\n%s", d.Screen())
	}
}

// On: a click on a row of the queue selects it, a second click on it opens it, esc
// comes back; the wheel scrolls; a click on the title bar or the footer does nothing.
func TestMouseClickSelectsDoubleClickOpens(t *testing.T) {
	a, d := mouseApp(t, true)
	if a.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("the mouse is not asked for with the setting on")
	}
	// Title bar, then the queue's summary and headings: its third row is line 5.
	first := strings.Split(d.Screen(), "\n")[3]
	third := strings.Fields(strings.TrimPrefix(strings.Split(d.Screen(), "\n")[5], "  "))[0]
	d.Send(click(8, 5))
	if line := cursorLine(d.Screen()); !strings.Contains(line, third) {
		t.Fatalf("a click on the third row (%s) put the cursor on %q", third, line)
	}
	d.Send(click(8, 5)) // the test's clock stands still: the second click is soon enough
	if s := d.Screen(); !strings.Contains(s, "Referral · "+third) {
		t.Fatalf("a double click on %s did not open it:\n%s", third, s)
	}
	d.Keys("esc")
	for _, y := range []int{0, 39} {
		d.Send(click(8, y))
	}
	if line := cursorLine(d.Screen()); !strings.Contains(line, third) {
		t.Errorf("a click outside the body moved the cursor to %q", line)
	}
	d.Send(tea.MouseWheelMsg{X: 8, Y: 10, Button: tea.MouseWheelDown})
	if now := strings.Split(d.Screen(), "\n")[3]; now == first || strings.Contains(first, strings.Fields(strings.TrimPrefix(now, "›"))[0]) {
		t.Errorf("the wheel did not scroll: first row %q, was %q", now, first)
	}
}

// Two clicks are a double click only on the same cell, within doubleClick, and a third
// click starts afresh.
func TestDoubleClickRule(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		last clicks
		next clickedMsg
		want bool
	}{
		{"first click", clicks{}, clickedMsg{x: 1, y: 1, at: at}, false},
		{"same cell at once", clicks{x: 1, y: 1, at: at}, clickedMsg{x: 1, y: 1, at: at}, true},
		{"same cell in time", clicks{x: 1, y: 1, at: at}, clickedMsg{x: 1, y: 1, at: at.Add(doubleClick)}, true},
		{"same cell too late", clicks{x: 1, y: 1, at: at}, clickedMsg{x: 1, y: 1, at: at.Add(doubleClick + time.Millisecond)}, false},
		{"another cell", clicks{x: 1, y: 1, at: at}, clickedMsg{x: 2, y: 1, at: at}, false},
		{"after a double", clicks{x: 1, y: 1, at: at, double: true}, clickedMsg{x: 1, y: 1, at: at}, false},
		{"stamped earlier", clicks{x: 1, y: 1, at: at}, clickedMsg{x: 1, y: 1, at: at.Add(-time.Second)}, false},
	} {
		if got := tc.last.isDouble(tc.next); got != tc.want {
			t.Errorf("%s: double %v, want %v", tc.name, got, tc.want)
		}
	}
}

// The mouse reaches no screen the person cannot see: not the queue under the palette or
// under help, nor behind the "make the window larger" sentence; and a click on a screen
// just opened does not make a double click with the click that opened it.
func TestMouseReachesOnlyWhatIsSeen(t *testing.T) {
	under := map[string]func(d *tuitest.Driver){
		"palette":   func(d *tuitest.Driver) { d.Keys("ctrl+k") },
		"help":      func(d *tuitest.Driver) { d.Keys("?") },
		"too small": func(d *tuitest.Driver) { d.Send(tea.WindowSizeMsg{Width: 30, Height: 6}) },
	}
	for name, open := range under {
		t.Run(name, func(t *testing.T) {
			a, d := mouseApp(t, true)
			before := cursorLine(d.Screen())
			open(d)
			d.Send(click(8, 5)).Send(click(8, 5))
			if len(a.stack) != 1+1 || a.top().Title() != "Referral queue" {
				t.Fatalf("a double click under the %s opened %q", name, a.top().Title())
			}
			if name == "too small" {
				d.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
			} else {
				d.Keys("esc")
			}
			if got := cursorLine(d.Screen()); got != before {
				t.Errorf("a click under the %s moved the queue's cursor to %q", name, got)
			}
		})
	}
	t.Run("a new screen", func(t *testing.T) {
		a, d := mouseApp(t, true)
		d.Send(click(8, 5)).Send(click(8, 5)) // opens the third row's referral
		if !strings.HasPrefix(a.top().Title(), "Referral · ") {
			t.Fatalf("the double click did not open the referral: %q", a.top().Title())
		}
		d.Send(click(8, 5))
		if !strings.HasPrefix(a.top().Title(), "Referral · ") {
			t.Errorf("a click on the referral just opened was taken as a double click: %q", a.top().Title())
		}
	})
}
