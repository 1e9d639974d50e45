package tui

import (
	"errors"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// faulty is a screen with a bug: x panics in Update, c in a command, v in View.
type faulty struct {
	drawFault bool
}

func (f *faulty) Init() tea.Cmd { return nil }
func (f *faulty) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "x":
			var none []int
			_ = none[3]
		case "c":
			return f, func() tea.Msg { panic("a command's fault") }
		case "v":
			f.drawFault = true
		}
	}
	return f, nil
}
func (f *faulty) View() string {
	if f.drawFault {
		panic("a drawing fault")
	}
	return "faulty"
}
func (f *faulty) SetSize(int, int)          {}
func (f *faulty) ShortHelp() []key.Binding  { return nil }
func (f *faulty) FullHelp() [][]key.Binding { return nil }
func (f *faulty) Title() string             { return "Faulty" }
func (f *faulty) Capturing() bool           { return false }

// typing is an editor with a draft not yet saved; Flush saves it.
type typing struct {
	faulty
	flushed *int
	fail    error
}

func (t *typing) Flush() tea.Cmd {
	return func() tea.Msg { *t.flushed++; return common.FlushedMsg{Err: t.fail} }
}

// TestAFaultStopsTheAppAndKeepsTheDrafts is finding 7's last line of defence: a panic
// in Update, in a command or in View stops the app as a quit does (the program then
// restores the terminal), keeps what stopped it for the log, and every draft on the
// stack is still flushed.
func TestAFaultStopsTheAppAndKeepsTheDrafts(t *testing.T) {
	for _, key := range []string{"x", "c", "v"} {
		t.Run(key, func(t *testing.T) {
			st, _ := testdb.NoCases(t, testNow)
			app := newApp(t, st)
			flushed := 0
			d := tuitest.New(t, app, 80, 24)
			app.push(&typing{flushed: &flushed}, 0)
			app.push(&faulty{}, 0)
			d.Keys(key)
			_ = d.Screen() // draws: a fault in View is caught there
			if app.Crash() == nil {
				t.Fatal("the fault was not caught")
			}
			if key != "v" && !d.Quit {
				t.Error("the app did not stop")
			}
			if err := app.FlushDrafts(); err != nil || flushed != 1 {
				t.Fatalf("drafts flushed %d times (%v), want once", flushed, err)
			}
		})
	}
}

// TestAFailedFlushIsReported: a draft that cannot be saved as the app closes is said,
// and the others are still saved.
func TestAFailedFlushIsReported(t *testing.T) {
	st, _ := testdb.NoCases(t, testNow)
	app := newApp(t, st)
	tuitest.New(t, app, 80, 24)
	a, b := 0, 0
	app.push(&typing{flushed: &a}, 0)
	app.push(&typing{flushed: &b, fail: errors.New("the disk is full")}, 0)
	if err := app.FlushDrafts(); err == nil || a != 1 || b != 1 {
		t.Fatalf("flush: %v, %d, %d", err, a, b)
	}
}
