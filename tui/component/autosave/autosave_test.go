package autosave

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// counter is a draft that counts its saves: the stand-in store of these tests of the
// component's own rules (the editors' tests use the real store).
type counter struct{ text string }

func newCounter(writes *int, typed *string) *Model[counter] {
	return New(Spec[counter]{
		Typed:  func() counter { return counter{text: *typed} },
		Rebase: func(t, _ counter) counter { return t },
		Write:  func(_ context.Context, c counter) (counter, error) { *writes++; return c, nil },
	}, counter{})
}

// A timer carries its component's identity: one editor's pause never saves another's
// draft, and a timer outrun by more typing does nothing.
func TestTimersActOnlyForTheirOwnComponent(t *testing.T) {
	var writes int
	typed := "x"
	a, b := newCounter(&writes, &typed), newCounter(&writes, &typed)
	a.Changed()
	b.Changed()
	due := dueMsg{id: a.id, edits: 1}
	if out, cmd := b.Update(due); out.Mine || cmd != nil {
		t.Fatal("another editor's timer acted")
	}
	a.Changed() // typed again: the first timer is stale
	if _, cmd := a.Update(due); cmd != nil {
		t.Fatal("a timer outrun by typing saved")
	}
	out, cmd := a.Update(dueMsg{id: a.id, edits: 2})
	if !out.Mine || cmd == nil {
		t.Fatal("the latest timer did not save")
	}
	if out, _ := a.Update(cmd()); !out.Saved || writes != 1 || a.Unsaved() {
		t.Fatalf("after the save: %+v, %d writes", out, writes)
	}
}

// Typing during a save is saved when that save lands; closing waits for it.
func TestTypedDuringASaveIsSavedAfterIt(t *testing.T) {
	var writes int
	typed := "one"
	a := newCounter(&writes, &typed)
	a.Changed()
	first := a.Save()
	if a.Save() != nil {
		t.Fatal("a second save started while one was under way")
	}
	typed = "one two"
	a.Changed()
	if done, cmd := a.Close(); done || cmd != nil {
		t.Fatal("closing did not wait for the save under way")
	}
	out, again := a.Update(first())
	if again == nil || out.Close {
		t.Fatal("the typing during the save was not saved after it")
	}
	if out, _ := a.Update(again()); !out.Close || writes != 2 {
		t.Fatalf("after the second save: %+v, %d writes", out, writes)
	}
}

func TestSideBySideKeepsColumnsInCells(t *testing.T) {
	lines := SideBySide("Yours", "東京 ok\nsecond line", "Stored", "plain", 31, 5)
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5", len(lines))
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 31 {
			t.Errorf("%q is %d cells", l, w)
		}
		if !strings.Contains(l, "│") {
			t.Errorf("%q has no divider", l)
		}
	}
	if !strings.HasPrefix(lines[2], common.Fit("東京 ok", 14)+" │ plain") {
		t.Errorf("row 3 = %q", lines[2])
	}
}
