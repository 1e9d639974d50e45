package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// signingForm is one field whose save is asked about first; saved counts the saves.
func signingForm(town *string, saved *int) *Model {
	com := tuitest.Session(testNow, domain.Clinician{ID: 1, Name: "Dr Test"})
	com.ArmAfter = 0
	return New(com, Spec{
		Title:  "Signed form",
		Fields: func() []*huh.Group { return []*huh.Group{huh.NewGroup(huh.NewInput().Title("Town *").Value(town))} },
		Submit: func() ([]string, tea.Cmd) {
			return nil, func() tea.Msg { *saved++; return Done{} }
		},
		Confirm: func() Confirmation {
			return Confirmation{Question: "Sign the town " + *town + "?", Details: []string{"It cannot be changed."}, Act: "sign it"}
		},
	})
}

// A form with a confirmation saves nothing until y: n goes back to the form with the
// typing kept and says nothing was saved; y then saves once, and the form leaves.
func TestConfirmBeforeTheSave(t *testing.T) {
	var town string
	saved := 0
	d, w := openForm(t, signingForm(&town, &saved), 80)
	d.Type("Leeds").Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "Sign the town Leeds?") || !strings.Contains(s, "y sign it") || saved != 0 {
		t.Fatalf("no confirmation before the save (saved %d):\n%s", saved, s)
	}
	if w.form().Settling() {
		t.Fatal("the form holds the keys while its confirmation is open: y could never reach it")
	}
	d.Type("x") // not an answer: ignored, and typed nowhere
	d.Keys("n")
	if saved != 0 || town != "Leeds" || !strings.Contains(d.Screen(), "Town") {
		t.Fatalf("n: saved %d, town %q\n%s", saved, town, d.Screen())
	}
	w.WantTold(t, common.InfoMsg{Text: "Not signed: nothing was saved."})
	d.Keys("enter y")
	if saved != 1 {
		t.Fatalf("y saved %d times", saved)
	}
	if _, back := w.Sent[len(w.Sent)-1].(common.BackMsg); !back {
		t.Errorf("the form did not leave once saved: %v", w.Sent)
	}
}
