package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/tuitest"
)

// Finding 12: shift+tab out of an invalid first field left nothing focused, and typing
// vanished. Now shift+tab there does nothing and typing lands in the field.
func TestShiftTabOnTheFirstField(t *testing.T) {
	for _, typed := range []string{"", "Ad"} {
		v := &values{}
		d, _ := open(t, v)
		d.Type(typed).Keys("shift+tab").Type("a")
		if v.given != typed+"a" {
			t.Errorf("typed %q, shift+tab, a: given name %q, want %q", typed, v.given, typed+"a")
		}
	}
}

// shift+tab from the first field of a later page, with that page in error, is refused
// by huh after it blurred the field; the field is focused again, so typing lands in it.
func TestShiftTabOnALaterGroup(t *testing.T) {
	v := &values{}
	d, _ := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter tab")
	if !strings.Contains(d.Screen(), "Town") {
		t.Fatalf("not on the second page:\n%s", d.Screen())
	}
	d.Keys("enter shift+tab").Type("Leeds")
	if v.town != "Leeds" {
		t.Errorf("typing after shift+tab went astray: town %q\n%s", v.town, d.Screen())
	}
	// A valid page is left as before.
	d.Keys("shift+tab").Type(" etc")
	if v.notes != " etc" || v.town != "Leeds" {
		t.Errorf("shift+tab from a valid page: notes %q, town %q", v.notes, v.town)
	}
}

// Finding 7 in the form: "risk", ←, alt+d crashed bubbles inside huh's Input. Now the
// k goes, as the word deletion would take it, and the other editing keys still work.
func TestAltDInAFormInput(t *testing.T) {
	tests := []struct {
		name, keys, want string
	}{
		{"on the last letter", "left alt+d", "ris"},
		{"alt+delete on the last letter", "left alt+delete", "ris"},
		{"ctrl+delete on the last letter", "left ctrl+delete", "ris"},
		{"twice", "left alt+d alt+d", "ris"},
		{"at the end", "alt+d", "risk"},
		{"before the word", "home alt+d", ""},
		{"inside the word", "home right alt+d", "r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &values{}
			d, _ := open(t, v)
			d.Type("risk").Keys(tt.keys)
			if v.given != tt.want {
				t.Errorf("risk %s: %q, want %q", tt.keys, v.given, tt.want)
			}
			d.Type("y") // the cursor is where it was: typing goes on there
			if !strings.Contains(v.given, "y") {
				t.Errorf("typing after it: %q", v.given)
			}
		})
	}
}

// A paste goes into the focused field: one line in an Input (never moving on), lines
// kept in a Text.
func TestPaste(t *testing.T) {
	v := &values{}
	d, w := open(t, v)
	d.Send(tea.PasteMsg{Content: "Ada\r\nMary\n"})
	if v.given != "Ada Mary" || focusedValue(w.form()) != "Ada Mary" {
		t.Errorf("pasted into the given name: %q (focused field holds %q)", v.given, focusedValue(w.form()))
	}
	d.Keys("enter").Type("Lovelace").Keys("enter")
	d.Send(tea.PasteMsg{Content: "first line\r\nsecond line"})
	if v.notes != "first line\nsecond line" {
		t.Errorf("pasted into the notes: %q", v.notes)
	}
	if v.family != "Lovelace" || v.submits != 0 {
		t.Errorf("the paste moved on: family %q, submits %d", v.family, v.submits)
	}
}

// A refused save keeps the focus on the question it was asked from, so the person does
// not start again from the first; what they type next lands there.
func TestRefusalKeepsTheFocus(t *testing.T) {
	v := &values{refuse: []string{"the town is not served by this team"}}
	d, _ := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter tab").Type("York").Keys("enter")
	screen := d.Screen()
	if v.submits != 1 || !strings.Contains(screen, "not served by this team") {
		t.Fatalf("refusal not shown (%d submits):\n%s", v.submits, screen)
	}
	if !strings.Contains(screen, "Town") || strings.Contains(screen, "Given name") {
		t.Errorf("the form went back to its first question:\n%s", screen)
	}
	d.Keys("backspace backspace backspace backspace").Type("Leeds")
	if v.town != "Leeds" || v.given != "Ada" {
		t.Errorf("typing after the refusal: town %q, given %q", v.town, v.given)
	}
}

// The store's refusal too: the focus stays, and a second submit goes.
func TestStoreRefusalKeepsTheFocus(t *testing.T) {
	v := &values{saveErr: errStore}
	d, _ := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter tab").Type("York").Keys("enter")
	if !strings.Contains(d.Screen(), "store said no") || !strings.Contains(d.Screen(), "Town") {
		t.Fatalf("after the store refused:\n%s", d.Screen())
	}
	v.saveErr = nil
	d.Keys("enter")
	if v.submits != 2 {
		t.Errorf("enter after the refusal: %d submits, want 2", v.submits)
	}
}

// A field that fails its check on the way stops the return there, to be put right.
func TestRefusalStopsAtAFieldInError(t *testing.T) {
	v := &values{refuse: []string{"check the names"}}
	d, _ := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter tab").Type("York").Keys("enter")
	v.family = "" // as if the rule behind the check had changed meanwhile
	d.Send(submitMsg{})
	d.Type("Byron")
	if v.family != "Byron" || v.town != "York" {
		t.Errorf("after a refusal with the family name in error: family %q town %q\n%s", v.family, v.town, d.Screen())
	}
}

type storeErr struct{}

func (storeErr) Error() string { return "store said no" }

var errStore error = storeErr{}

// ctrl+e in a text field does not suspend the app for an outside editor (the text
// would be written to a temporary file, outside the database): it does nothing, and
// what was typed stays.
func TestNoOutsideEditor(t *testing.T) {
	v := &values{}
	d, w := open(t, v)
	d.Type("Ada").Keys("enter").Type("Lovelace").Keys("enter").Type("kept")
	// The footer reads the field's keys, and huh turns its editor key back on then.
	for _, b := range w.form().ShortHelp() {
		if b.Help().Key == "ctrl+e" {
			t.Errorf("the footer offers ctrl+e: %s", b.Help().Desc)
		}
	}
	_, cmd := d.Model.Update(tuitest.Key("ctrl+e"))
	if cmd != nil {
		if msg := cmd(); msg != nil {
			t.Fatalf("ctrl+e asked for %T", msg)
		}
	}
	if v.notes != "kept" {
		t.Errorf("notes %q after ctrl+e", v.notes)
	}
}
