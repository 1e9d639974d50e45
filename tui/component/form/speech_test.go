package form

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/tuitest"
)

// everyKind is a form with one field of each kind the app's forms use.
func everyKind(text *string, choice *string, ticks *[]string, yes *bool) *Model {
	com := tuitest.Session(testNow, domain.Clinician{ID: 1, Name: "Dr Test"})
	return New(com, Spec{
		Title: "Every kind",
		Intro: func(int) []string { return []string{"✓ Checklist: eligible · due in 43h 10m"} },
		Fields: func() []*huh.Group {
			return []*huh.Group{huh.NewGroup(
				huh.NewSelect[string]().Title("Decision *").Inline(true).Value(choice).Options(
					huh.NewOption("screen in", "in"), huh.NewOption("screen out", "out")),
				huh.NewText().Title("Reason").Description("why, in a sentence").Placeholder("required to screen out").Value(text).
					Validate(required("the reason")),
				huh.NewMultiSelect[string]().Title("Attended").Options(huh.NewOption("Dr Ada", "ada"), huh.NewOption("Sam", "sam")).Value(ticks),
				huh.NewConfirm().Title("Record it?").Affirmative("Record").Negative("Not yet").Value(yes),
			)}
		},
		Submit: func() ([]string, tea.Cmd) { return nil, func() tea.Msg { return Done{} } },
	})
}

// TestFormSpeechReadsEveryKindOfField holds the form's speech to each kind of huh field:
// its question, whether it is required, its choices and which is chosen, its hint, its
// error; and a text field's answer said on arriving, not letter by letter. It reads
// huh's private fields (speech.go), so a huh that moves them fails here.
func TestFormSpeechReadsEveryKindOfField(t *testing.T) {
	var text, choice string
	var ticks []string
	var yes bool
	m := everyKind(&text, &choice, &ticks, &yes)
	d := tuitest.New(t, &tuitest.Host{Screen: m}, 80, 30)
	says := func(step string, want ...string) {
		t.Helper()
		got := m.Speech()
		for _, w := range want {
			if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, w) }) {
				t.Errorf("%s: speech lacks %q:\n%s", step, w, strings.Join(got, "\n"))
			}
		}
	}
	says("opened", "Form: Every kind.", "passes: Checklist: eligible, due in 43 hours 10 minutes.",
		"Decision, required. A choice of screen in or screen out", "Decision: screen in is chosen.")
	d.Keys("right")
	says("right", "Decision: screen out is chosen.")
	d.Keys("enter")
	says("on the text", "Reason. Why, in a sentence, text, several lines; empty.", "Required to screen out.")
	d.Keys("enter")
	says("left empty", "Not accepted: The reason is required.")
	d.Type("Leeds")
	if got := strings.Join(m.Speech(), "\n"); strings.Contains(got, "Leeds") {
		t.Errorf("the answer is read back while it is typed:\n%s", got)
	}
	d.Keys("enter")
	says("on the ticks", "Attended. Tick any of Dr Ada, Sam", "Attended: nothing is ticked. On Dr Ada, 1 of 2.")
	d.Keys("space down")
	says("ticked", "Attended: Dr Ada ticked. On Sam, 2 of 2.")
	d.Keys("enter")
	says("on the confirm", "Record it? Answer Record or Not yet", "Record it? Not yet is chosen.")
	d.Keys("shift+tab shift+tab")
	says("back on the text", "Reason. Why, in a sentence, text, several lines; it says: Leeds.")
}

// TestFormSpeechSaysTheConfirmation: before a save that signs, the form says the
// question, what is signed and the keys, and nothing of the field behind it.
func TestFormSpeechSaysTheConfirmation(t *testing.T) {
	var town string
	saved := 0
	m := signingForm(&town, &saved)
	d := tuitest.New(t, &tuitest.Host{Screen: m}, 80, 30)
	d.Type("Leeds").Keys("enter")
	got := strings.Join(m.Speech(), "\n")
	want := "Form: Signed form.\nSign the town Leeds?\nIt cannot be changed.\nPress y to sign it, or n or escape to cancel."
	if got != want {
		t.Fatalf("said:\n%s\nwant:\n%s", got, want)
	}
}
