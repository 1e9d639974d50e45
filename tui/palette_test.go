package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The palette on Today at the three sizes the app is tried at: the screen's actions,
// then every place, each with its key.
func TestPaletteGolden(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 12}, {80, 24}, {200, 60}} {
		t.Run(tuitest.SizeName(s.w, s.h), func(t *testing.T) {
			d := driveHome(t, s.w, s.h).Keys("ctrl+k")
			screen := d.Screen()
			tuitest.AssertFits(t, screen, s.w, s.h)
			golden.RequireEqual(t, screen)
		})
	}
}

// driveAs opens the app on the demo as its first clinician with access.
func driveAs(t *testing.T, access domain.Access, w, h int) *tuitest.Driver {
	t.Helper()
	return tuitest.New(t, newAppAs(t, testdb.Demo(t, testNow), access), w, h)
}

// A clinician who is not a lead sees a lead's places dimmed, with why, in words on the
// line and in full at the foot; enter on one does nothing and the palette stays.
func TestPaletteLeadPlaceDimmedForAClinician(t *testing.T) {
	for _, s := range []struct{ w, h int }{{40, 12}, {80, 24}, {200, 60}} {
		t.Run(tuitest.SizeName(s.w, s.h), func(t *testing.T) {
			d := driveAs(t, domain.AccessClinician, s.w, s.h).Keys("ctrl+k").Type("audit log")
			screen := d.Screen()
			tuitest.AssertFits(t, screen, s.w, s.h)
			golden.RequireEqual(t, screen)
			if !strings.Contains(screen, "Not now: a lead's screen") {
				t.Fatalf("no reason at the foot:\n%s", screen)
			}
			d.Keys("enter")
			if s := d.Screen(); !strings.Contains(s, "Not now: a lead's screen") || strings.Contains(s, "caseload · Audit log") {
				t.Fatalf("enter on a dimmed place acted:\n%s", s)
			}
		})
	}
}

// enter on a place opens it as its key on Today does; on an action, it presses the
// action's key on the screen on top, as if typed.
func TestPaletteRuns(t *testing.T) {
	for _, c := range []struct {
		name, from, open, query, want string
	}{
		{"a place from Today", "", "ctrl+k", "countdowns", "caseload · Release countdowns"},
		{"a place with :", "", ":", "forums", "caseload · Forums"},
		{"a place from deep in", "r enter", "ctrl+k", "go to caseload", "caseload · Caseload"},
		{"back to Today", "r enter", "ctrl+k", "go to today", "caseload · Today"},
		{"a lead's place for a lead", "", "ctrl+k", "audit log", "caseload · Audit log"},
		{"a screen's action", "r", "ctrl+k", "filter", "/ "},
		{"the help", "r", ":", "help", "close help"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := driveHome(t, 80, 24)
			if c.from != "" {
				d.Keys(c.from)
			}
			d.Keys(c.open).Type(c.query).Keys("enter")
			if s := d.Screen(); !strings.Contains(s, c.want) {
				t.Fatalf("after %q in the palette, no %q:\n%s", c.query, c.want, s)
			}
		})
	}
}

// esc closes the palette and leaves the screen as it was; the typing went nowhere else.
func TestPaletteEscCloses(t *testing.T) {
	d := driveHome(t, 80, 24).Keys("r")
	before := d.Screen()
	d.Keys("ctrl+k").Type("nq").Keys("esc")
	if after := d.Screen(); after != before {
		t.Fatalf("esc left the screen changed:\n%s\nwas:\n%s", after, before)
	}
}

// While a form takes text, ctrl+k and : are the form's (an editor's conflict keeps
// ctrl+k for "keep mine"): the palette does not open and the colon is typed.
func TestPaletteWaitsWhileAFormTakesText(t *testing.T) {
	d := driveHome(t, 80, 24).Keys("n")
	if !d.Model.(*App).top().Capturing() {
		t.Fatal("the new referral form does not take text")
	}
	d.Keys("ctrl+k").Type("Ab:c")
	a := d.Model.(*App)
	if a.paletteOpen() {
		t.Fatal("the palette opened over a form taking text")
	}
	if s := d.Screen(); !strings.Contains(s, "Ab:c") {
		t.Fatalf("the typing did not reach the form:\n%s", s)
	}
}

// The palette lists every live key the help lists on that screen, and the root's.
func TestPaletteListsTheHelpKeys(t *testing.T) {
	for _, path := range []string{"", "r", "r enter", "c", "t", "f", "p"} {
		t.Run("keys "+path, func(t *testing.T) {
			d := driveHome(t, 120, 40)
			if path != "" {
				d.Keys(path)
			}
			a := d.Model.(*App)
			want := map[string]bool{}
			for _, g := range liveKeys(a.fullHelp()) {
				for _, b := range g {
					if !key.Matches(common.Press(b.Keys()[0]), a.keys.Palette) {
						want[b.Help().Key+" "+b.Help().Desc] = true
					}
				}
			}
			items, _ := a.paletteItems()
			for _, it := range items {
				delete(want, it.Key+" "+it.Desc)
			}
			if len(want) > 0 {
				t.Fatalf("help lists keys the palette does not: %v", want)
			}
		})
	}
}

// explaining is a screen with one key disabled, which says why.
type explaining struct{ faulty }

var stale = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign"), key.WithDisabled())

func (e *explaining) FullHelp() [][]key.Binding { return [][]key.Binding{{stale}} }
func (e *explaining) WhyNot(b key.Binding) string {
	if b.Help().Key == "s" {
		return "the note is signed already"
	}
	return ""
}

// A disabled key is in the palette, dimmed, with its screen's reason (common.Explainer),
// and is not in the help, which lists only live keys.
func TestPaletteSaysWhyAKeyIsNotLive(t *testing.T) {
	a := newApp(t, testdb.Demo(t, testNow))
	d := tuitest.New(t, a, 80, 24)
	d.Send(tea.Msg(nil))
	a.push(&explaining{}, 0)
	d.Keys("ctrl+k")
	if s := d.Screen(); !strings.Contains(s, "sign — not now: the note is signed already") {
		t.Fatalf("no reason beside the disabled key:\n%s", s)
	}
	d.Keys("esc ?")
	if s := d.Screen(); strings.Contains(s, "sign") {
		t.Fatalf("the help lists a disabled key:\n%s", s)
	}
}

// The screens that know why a key does nothing now say so in the palette
// (common.Explainer), in the words the key itself would answer with.
func TestPaletteScreensSayWhy(t *testing.T) {
	for _, c := range []struct{ name, path, want string }{
		{"a referral not yet screened", "r enter", "consultation — not now: Screen the referral in (s)"},
		{"a referral not a duplicate", "r enter", "same person? — not now: This referral is not marked"},
		{"a colleague's signed note", "c j enter 3 enter", "edit draft — not now: the note is signed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := driveHome(t, 200, 60).Keys(c.path + " ctrl+k")
			if s := d.Screen(); !strings.Contains(s, c.want) {
				t.Fatalf("no %q:\n%s", c.want, s)
			}
		})
	}
}

// While a list's filter is typed, `:` is a letter of the query, not the palette.
func TestPaletteWaitsWhileAFilterIsTyped(t *testing.T) {
	d := driveHome(t, 80, 24).Keys("r /").Type("a:")
	if d.Model.(*App).paletteOpen() {
		t.Fatal("the palette opened over the queue's filter")
	}
	if s := d.Screen(); !strings.Contains(s, "/ a:") {
		t.Fatalf("the colon did not reach the filter:\n%s", s)
	}
}
