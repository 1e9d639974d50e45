package form

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// settlingAfter is the watcher's log from index from on: each message's type and
// whether the form was settling just after it.
func settlingAfter(w *watcher, from int) []string { return slices.Clone(w.log[from:]) }

// enter in a valid field settles until huh's next-field message has moved the focus;
// then keys may flow again. The keys' order is what the root relies on.
func TestSettlingFromEnterUntilTheFocusMoves(t *testing.T) {
	v := &values{}
	d, w := open(t, v)
	if w.form().Settling() {
		t.Fatal("a form just opened is settling")
	}
	d.Type("Ada")
	from := len(w.log)
	d.Keys("enter")
	got := settlingAfter(w, from)
	want := []string{"tea.KeyPressMsg true", "huh.nextFieldMsg false"}
	if len(got) < 2 || !slices.Equal(got[:2], want) {
		t.Errorf("after enter: %v, want it to start %v", got, want)
	}
	if w.form().Settling() {
		t.Error("still settling once the focus moved")
	}
}

// An enter the field refuses (it shows an error) moves nothing, so nothing is held.
func TestNoSettlingWhenTheFieldRefuses(t *testing.T) {
	v := &values{}
	d, w := open(t, v)
	from := len(w.log)
	d.Keys("enter")
	if got := settlingAfter(w, from); got[0] != "tea.KeyPressMsg false" {
		t.Errorf("after enter in an empty required field: %v", got)
	}
	if !strings.Contains(d.Screen(), "given name is required") {
		t.Errorf("the error is not shown:\n%s", d.Screen())
	}
}

// On a group's last field the move takes two messages: next field (refused there), then
// next group. The form settles until the second.
func TestSettlingAcrossGroups(t *testing.T) {
	v := &values{}
	d, w := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter")
	from := len(w.log)
	d.Keys("tab") // leaves Notes, the page's last field
	got := settlingAfter(w, from)
	i := slices.Index(got, "huh.nextGroupMsg false")
	if got[0] != "tea.KeyPressMsg true" || i < 0 || slices.Contains(got[1:i], "huh.nextFieldMsg false") {
		t.Errorf("after tab on the page's last field: %v", got)
	}
	if !strings.Contains(d.Screen(), "Town") {
		t.Errorf("not on the next page:\n%s", d.Screen())
	}
}

// From the form's completion until the save's Done, keys wait; Done ends it, whether it
// refuses or not.
func TestSettlingWhileSaving(t *testing.T) {
	v := &values{given: "Ada", family: "Lovelace", town: "Leeds"}
	m := testForm(v)
	d := tuitest.New(t, &tuitest.Host{Screen: m}, 80, 30)
	d.Keys("enter enter tab")
	// The last enter is taken step by step, to look between the steps.
	_, cmd := m.Update(tuitest.Key("enter"))
	if !m.Settling() || cmd == nil {
		t.Fatal("enter on the last field is not settling")
	}
	_, cmd = m.Update(huh.NextField())
	m.Update(only(t, cmd, "huh.nextGroupMsg"))
	if !m.Settling() {
		t.Fatal("not settling once the form completed, before the submit message")
	}
	_, save := m.Update(submitMsg{})
	if !m.Settling() || save == nil {
		t.Fatal("not settling while the save runs")
	}
	m.Update(Done{})
	if m.Settling() {
		t.Error("still settling after the save's Done")
	}
	m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	m.Update(common.TickMsg{Now: testNow})
	if m.Settling() {
		t.Error("a finished form settles again")
	}
}

// only runs cmd as the program would and returns its one message of the type named;
// commands that only wait (a cursor's blink) are left after a moment.
func only(t *testing.T, cmd tea.Cmd, name string) tea.Msg {
	t.Helper()
	var found tea.Msg
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		out := make(chan tea.Msg, 1)
		go func() { out <- c() }()
		var msg tea.Msg
		select {
		case msg = <-out:
		case <-time.After(50 * time.Millisecond):
			return
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				run(c)
			}
			return
		}
		if fmt.Sprintf("%T", msg) == name {
			found = msg
		}
	}
	run(cmd)
	if found == nil {
		t.Fatalf("no %s came of the command", name)
	}
	return found
}

// A move that never comes does not hold keys for ever: the expiry ends it.
func TestSettlingExpires(t *testing.T) {
	v := &values{}
	m := testForm(v)
	tuitest.New(t, &tuitest.Host{Screen: m}, 80, 30)
	m.Update(tea.KeyPressMsg{Code: 'A', Text: "A"})
	m.Update(tuitest.Key("enter"))
	if !m.Settling() {
		t.Fatal("enter did not settle")
	}
	m.Update(settleExpiredMsg{form: m, gen: m.settle.gen - 1})
	if !m.Settling() {
		t.Error("an older expiry ended this settle")
	}
	m.Update(settleExpiredMsg{form: m, gen: m.settle.gen})
	if m.Settling() {
		t.Error("the expiry did not end the settle")
	}
}

// y in a confirmation answers it and moves on, as enter does: it settles too.
func TestSettlingOnAConfirmation(t *testing.T) {
	var sure bool
	m := New(tuitest.Session(testNow, domain.Clinician{ID: 1}), Spec{
		Title: "Confirm",
		Fields: func() []*huh.Group {
			return []*huh.Group{huh.NewGroup(huh.NewConfirm().Title("Sure?").Value(&sure), huh.NewInput().Title("Then"))}
		},
		Submit: func() ([]string, tea.Cmd) { return []string{"no"}, nil },
	})
	_, w := openForm(t, m, 80)
	_, cmd := m.Update(tuitest.Key("y"))
	if !m.Settling() || !sure {
		t.Fatalf("y: settling %v, sure %v", m.Settling(), sure)
	}
	m.Update(only(t, cmd, "huh.nextFieldMsg"))
	if m.Settling() {
		t.Errorf("still settling once the focus moved: %v", w.log)
	}
}
