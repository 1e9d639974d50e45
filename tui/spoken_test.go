package tui

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/spoken"
	"caseload/tui/tuitest"
)

// TestAccessibleScreeningTranscript drives a whole screening in the accessible mode,
// through the real root on the demo, and holds what the driver writes to what a person
// should hear (docs/ACCESSIBILITY.md): after each key its new sentences and only those,
// plain words without escape codes, box drawing or marks a screen reader says as
// symbols, and nothing repeated while it stands.
func TestAccessibleScreeningTranscript(t *testing.T) {
	st := testdb.Demo(t, testNow)
	app := newApp(t, st)
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(app, &out, "\n"), 100, 30)
	steps := []struct {
		keys, typed string
		hear        []string // each must be said in the answer to the step
		silent      bool     // the step says nothing (typing is echoed by the screen reader)
		// opens is a step that brings a new screen, said whole: it may say again what
		// the screen under it said (the form's reason for referral).
		opens bool
	}{
		{hear: []string{spoken.Greeting, "Today: 15 to screen (5 overdue)", "1 of 27, Referrals awaiting screening: Liam McAllister, priority 2, overdue by 5 days 5 hours."}},
		{keys: "r", hear: []string{"Referral queue, 15 awaiting screening, 5 overdue, 40 referrals in all; you have 1 unsigned draft note.",
			"1 of 40: Liam McAllister, overdue by 5 days 5 hours, not yet screened, eligibility incomplete."}},
		{keys: "j", hear: []string{"2 of 40: "}},
		{keys: "/", hear: []string{"Filter: type to narrow by name"}},
		{typed: "minh", hear: []string{`Filtered by "minh": 1 of 40 match.`, "1 of 1: Minh Nguyễn, due in 29 hours, not yet screened, eligible."}},
		{keys: "enter", hear: []string{"Referral for Minh Nguyễn: eligible; received, due in 29 hours.",
			"Reason for referral: Release planned within six months", "passes: RoSH to others is High.",
			"No decision yet: press s to screen it.", "NHS number: 999 726 5246 TEST.", "Keys: escape back, e correct facts, s screen, w withdraw."}},
		{keys: "s", opens: true, hear: []string{"Form: Screen, Minh Nguyễn.", "Checklist: eligible, due in 29 hours.",
			"Decision, required. A choice of screen in or screen out", "Decision: screen in is chosen."}},
		{keys: "right", hear: []string{"Decision: screen out is chosen."}},
		{keys: "enter", hear: []string{"Reason, text, several lines; empty. Type, then enter to go on. Required to screen out"}},
		{keys: "enter", hear: []string{"Not accepted: Give the reason for screening out."}},
		{typed: "Resettling outside the area.", silent: true},
		// When it was decided stands above the decision, prefilled: the form goes from
		// the reason to Record (docs/RULES.md, "Screening quickly").
		{keys: "enter", hear: []string{"Record: screen out Minh Nguyễn? Answer Record or Not yet", "Record: screen out Minh Nguyễn? Not yet is chosen."}},
		{keys: "left", hear: []string{"Record: screen out Minh Nguyễn? Record is chosen."}},
		{keys: "enter", hear: []string{"Screened out Minh Nguyễn, within the 48 hours.", "Referral for Minh Nguyễn: eligible; screened out, decided in 19 hours.",
			"Screening: Screened out by Dr Amara Okonkwo-Reid", "Reason: Resettling outside the area.", "Keys: escape back, e correct facts."}},
		{keys: "esc", hear: []string{"Referral queue, 14 awaiting screening", "1 of 1: Minh Nguyễn, decided in 19 hours, screened out, eligible."}},
	}
	var transcript strings.Builder
	var before []string
	for i, s := range steps {
		if i > 0 {
			out.Reset()
			d.Keys(s.keys).Type(s.typed)
		}
		said := out.String()
		fmt.Fprintf(&transcript, "> %s\n%s", strings.TrimSpace(s.keys+" "+quoted(s.typed)), said)
		heard := strings.Split(strings.TrimSuffix(said, "\n"), "\n")
		if said == "" {
			heard = nil
		}
		if s.silent != (len(heard) == 0) {
			t.Errorf("step %d (%s%s): said %q, want silent %v", i, s.keys, s.typed, said, s.silent)
		}
		for _, w := range s.hear {
			if !slices.ContainsFunc(heard, func(l string) bool { return strings.HasPrefix(l, w) }) {
				t.Errorf("step %d (%s%s) did not say %q; said:\n%s", i, s.keys, s.typed, w, said)
			}
		}
		if s.opens {
			before = nil
		}
		assertSpoken(t, heard, before)
		if len(heard) > 0 {
			before = heard
		}
	}
	if dec, ok, err := st.Screening(context.Background(), referralNamed(t, st, "Minh Nguyễn")); err != nil || !ok || dec.Outcome != domain.ScreenedOut {
		t.Fatalf("the screening was not recorded: %+v, %v, %v", dec, ok, err)
	}
	golden.RequireEqual(t, []byte(transcript.String()))
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}

// unspoken are what a screen reader reads as symbols or noise: escape codes, box
// drawing and block elements, and the marks the screens draw beside rows.
var unspoken = regexp.MustCompile("[\x1b\u2500-\u259f✓✗⚠›•…·]")

// assertSpoken holds one answer to plain sentences, none said twice in it, none the
// same as a line of the answer before (a line heard once is not heard again while it
// stands).
func assertSpoken(t *testing.T, heard, before []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range heard {
		if unspoken.MatchString(l) {
			t.Errorf("a line a screen reader would say as symbols: %q", l)
		}
		if strings.TrimSpace(l) != l || l == "" {
			t.Errorf("a blank or padded line: %q", l)
		}
		if seen[l] {
			t.Errorf("said twice in one answer: %q", l)
		}
		seen[l] = true
		if slices.Contains(before, l) {
			t.Errorf("said again though it had not changed: %q", l)
		}
	}
}

// referralNamed is the id of the demo's referral of name.
func referralNamed(t *testing.T, st interface {
	Referrals(context.Context) ([]domain.Referral, error)
}, name string) int64 {
	t.Helper()
	rs, err := st.Referrals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Person.Name() == name {
			return r.ID
		}
	}
	t.Fatalf("no referral of %s", name)
	return 0
}

// TestAccessibleHelpAndRefusals: help is read out key by key and closing it says where
// the person is again; a refusal on the status line is said, and said again when the
// same key is refused again.
func TestAccessibleHelpAndRefusals(t *testing.T) {
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(newApp(t, testdb.Demo(t, testNow)), &out, "\n"), 100, 30)
	tests := []struct {
		keys string
		hear []string
	}{
		{"r", []string{"Referral queue, 15 awaiting screening"}},
		{"?", []string{"Help for Referral queue. Press question mark or escape to close it.", "up or k: up.", "slash: filter.", "control c: quit now.", "shift g: bottom."}},
		{"?", []string{"Referral queue, 15 awaiting screening"}},
		{"G enter", []string{"Referral for "}},
		{"s", []string{"Already screened: the referral is"}},
		{"s", []string{"Already screened: the referral is"}},
	}
	for _, tc := range tests {
		out.Reset()
		d.Keys(tc.keys)
		for _, w := range tc.hear {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s did not say %q; said:\n%s", tc.keys, w, out.String())
			}
		}
		if unspoken.MatchString(out.String()) {
			t.Errorf("%s said symbols:\n%s", tc.keys, out.String())
		}
	}
}

// TestAccessibleCaseView: a case is said as whose it is and which tab, its summary as
// "Label: value." sentences, and another tab by its lines in words.
func TestAccessibleCaseView(t *testing.T) {
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(newApp(t, testdb.Demo(t, testNow)), &out, "\n"), 100, 30)
	out.Reset()
	d.Keys("c enter")
	said := out.String()
	for _, w := range []string{"the summary tab, 1 of 8; the number keys 1 to 8 choose a tab.", "\nPerson: ", "\nNHS number: 999 ", "\nHeld by: ", "\nPathway: "} {
		if !strings.Contains(said, w) {
			t.Errorf("the case's summary lacks %q:\n%s", w, said)
		}
	}
	out.Reset()
	d.Keys("5")
	if said := out.String(); !strings.Contains(said, "the pathway tab, 5 of 8") || !strings.Contains(said, "\nRelease: ") {
		t.Errorf("the pathway tab was not said:\n%s", said)
	}
	assertSpoken(t, strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n"), nil)
}

// TestAccessiblePalette: the palette says what it is and the item under the cursor, its
// count as letters are typed, a key as its name (colon, not ":"), why an item is not
// possible now, and enter runs what was last said.
func TestAccessiblePalette(t *testing.T) {
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(newApp(t, testdb.Demo(t, testNow)), &out, "\n"), 100, 30)
	tests := []struct {
		keys, typed string
		hear        []string
	}{
		{keys: "ctrl+k", hear: []string{"Command palette: type to find an action or a place", "1 of "}},
		{typed: "referrals", hear: []string{`"referrals": `, "1 of 1: referrals, key r."}},
		{keys: "enter", hear: []string{"Referral queue, 15 awaiting screening"}},
		{keys: "?", hear: []string{"control k or colon: all actions and places."}},
	}
	for _, tc := range tests {
		out.Reset()
		d.Keys(tc.keys).Type(tc.typed)
		for _, w := range tc.hear {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s%s did not say %q; said:\n%s", tc.keys, tc.typed, w, out.String())
			}
		}
		if unspoken.MatchString(out.String()) {
			t.Errorf("%s%s said symbols:\n%s", tc.keys, tc.typed, out.String())
		}
	}
}
