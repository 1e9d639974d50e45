package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// openFromCountdowns goes from the home screen to the countdowns, finds a person by
// name and opens their case on its pathway tab, as a clinician would.
func openFromCountdowns(d *tuitest.Driver, name string) *tuitest.Driver {
	return d.Keys("t /").Type(name).Keys("enter enter")
}

// A case's pathway: the phase, the countdown in words with the changed date, the bar,
// the dates, and the change with who made it and why.
func TestCasePathwayGolden(t *testing.T) {
	d := openFromCountdowns(driveHome(t, 80, 30), "ciaran")
	screen := d.Screen()
	for _, want := range []string{"Case", "Ciarán Ó Súilleabháin", "In custody: engagement before release",
		"release in 21 days", "(HDC approved)", "(was ", "┃", "by Dr Niamh Ó Dálaigh", "Why: Home detention curfew"} {
		if !strings.Contains(screen, want) {
			t.Errorf("pathway lacks %q:\n%s", want, screen)
		}
	}
	tuitest.AssertFits(t, screen, 80, 30)
	golden.RequireEqual(t, screen)
}

// A case's forums: its standing with each forum and its meetings, the selected one in
// full.
func TestCaseForumsGolden(t *testing.T) {
	d := openFromCountdowns(driveHome(t, 80, 30), "kavanagh").Keys("6 j j j")
	screen := d.Screen()
	for _, want := range []string{"MAPPA category 2, level 2", "MARAC: not involved", "report sent", "Our actions"} {
		if !strings.Contains(screen, want) {
			t.Errorf("forums tab lacks %q:\n%s", want, screen)
		}
	}
	tuitest.AssertFits(t, screen, 80, 30)
	golden.RequireEqual(t, screen)
}

// Changing a release date from the case: r opens the form, a reason is required, and
// the pathway then shows the new date, what it was, and why.
func TestReleaseChangeFromTheCase(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d := openFromCountdowns(tuitest.New(t, newApp(t, st), 100, 40), "kavanagh")
	d.Keys("r enter enter")                        // a date changed: the one that is the release, his PRRD
	d.Type("01/03/2027").Keys("enter enter enter") // confirmed as held; no reason
	if !strings.Contains(d.Screen(), "say why the release date changed") {
		t.Fatalf("no reason asked for:\n%s", d.Screen())
	}
	d.Type("Parole Board refused release at the oral hearing.").Keys("enter")
	screen := d.Screen()
	for _, want := range []string{"Sentence date recorded: 1 Mar 2027 (PRRD).", "Monday 1 March 2027", "(was Sunday 3 January 2027)",
		"Why: Parole Board refused release at the oral hearing."} {
		if !strings.Contains(screen, want) {
			t.Errorf("after the change the pathway lacks %q:\n%s", want, screen)
		}
	}
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.Person.FamilyName == "Kavanagh-Reilly" {
			if got := c.Release.Dates; !slices.Equal(got, domain.SentenceDates{{Date: ident.MustDate(2027, 3, 1), Kind: domain.ReleasePRRD}}) {
				t.Errorf("stored expected release %+v", got)
			}
			return
		}
	}
	t.Error("Patrick's case is gone")
}

// Enter on a forum the case is not involved with opens a new involvement, saying so.
func TestNewInvolvementFromTheCase(t *testing.T) {
	d := openFromCountdowns(driveHome(t, 80, 24), "kavanagh").Keys("6 j enter")
	if s := d.Screen(); !strings.Contains(s, "MARAC · Patrick Kavanagh-Reilly") || !strings.Contains(s, "Nothing recorded yet for MARAC.") {
		t.Fatalf("the MARAC form does not open as new:\n%s", s)
	}
}

// A refusal from the store is shown whole, wrapped, at a narrow width: its end says
// what to do.
func TestRefusalIsShownWhole(t *testing.T) {
	d := openFromCountdowns(driveHome(t, 44, 24), "kavanagh").Keys("r down down enter enter").
		Type("Breach of licence.").Keys("enter left enter")
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "no release is recorded: record the release before a recall") {
		t.Fatalf("the refusal is not shown whole:\n%s", d.Screen())
	}
	tuitest.AssertFits(t, d.Screen(), 44, 24)
}

// A release shows on the pathway with who recorded it and when.
func TestPathwayShowsWhoRecordedTheRelease(t *testing.T) {
	d := openFromCountdowns(driveHome(t, 100, 30), "nathaniel")
	if s := d.Screen(); !strings.Contains(s, "Releases and recalls as recorded") || !strings.Contains(s, "recorded by Sanjay Mistry") {
		t.Fatalf("the release is not shown with who recorded it:\n%s", s)
	}
}
