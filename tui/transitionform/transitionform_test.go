package transitionform

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Saver = (*store.Store)(nil)

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func drive(t *testing.T, c testdb.Case, point domain.TimePoint, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	standing, err := c.Store.TransitionOutcomes(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	com := tuitest.Session(testNow, c.Clinician)
	return tuitest.Open(t, New(com, c.Store, common.RecordTransitionOutcomeMsg{CaseID: c.ID, Person: c.Person,
		Point: point, Standing: standing}), w, h)
}

func outcomes(t *testing.T, c testdb.Case) []domain.TransitionOutcome {
	t.Helper()
	got, err := c.Store.TransitionOutcomes(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// At release the form asks GP registration, accommodation and the links, and records
// only those.
func TestOutcomesAtRelease(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, h := drive(t, c, "", 100, 30)
	if s := flat(d.Screen()); !strings.Contains(s, "Nothing is recorded at acceptance yet.") || !strings.Contains(s, "MAPPA level and RoSH") {
		t.Fatalf("opening:\n%s", d.Screen())
	}
	d.Keys("right enter")
	if s := d.Screen(); !strings.Contains(s, "Registered with a GP by release day?") || strings.Contains(s, "MAPPA") {
		t.Fatalf("the release page:\n%s", s)
	}
	d.Keys("right enter").Type("2026-12-01").Keys("enter")
	if !strings.Contains(d.Screen(), "2026-12-01 is after today (2026-11-24)") {
		t.Fatalf("a GP day after today is not refused under its field:\n%s", d.Screen())
	}
	d.Keys("backspace backspace backspace backspace backspace").Type("11-20").Keys("enter")
	d.Keys("right right right enter right enter right right right enter enter")
	got := outcomes(t, c)
	want := domain.TransitionOutcome{Point: domain.PointRelease, GPRegistered: domain.Yes, GPRegisteredOn: ident.MustDate(2026, 11, 20),
		Accommodation: domain.AccommodationAP, MentalHealth: domain.LinkReferred, SubstanceUse: domain.LinkEngaged}
	if len(got) != 1 || got[0].Describe() != want.Describe() || got[0].Point != want.Point || got[0].RecordedBy != c.Clinician.ID {
		t.Fatalf("recorded %+v\n%s", got, d.Screen())
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID}, common.InfoMsg{Text: "Outcomes at release recorded: " + want.Describe() + "."})
}

// A colleague records the outcomes at acceptance while the form is open: the form says
// so when their commit is seen, the save is refused naming who and when and what theirs
// says, everything typed stays, and a second save records over theirs.
func TestStaleSaveRefusedKeepingTheTyping(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _ := drive(t, c, domain.PointAcceptance, 100, 30)
	d.Keys("enter right right enter") // MAPPA level 2
	b := domain.Clinician{Name: "Beth Armitage", Role: "nurse", Active: true, Access: domain.AccessClinician}
	var err error
	if b.ID, err = c.Store.AddClinician(context.Background(), "test", testNow.Add(-time.Hour), b); err != nil {
		t.Fatal(err)
	}
	if _, err := testdb.Another(t, c.Store).RecordTransitionOutcome(context.Background(), b.ID, testNow.Add(-time.Minute),
		domain.TransitionOutcome{CaseID: c.ID, Point: domain.PointAcceptance, RoSH: domain.RoSHMedium}, 0); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if s := flat(d.Screen()); !strings.Contains(s, "Changed by Beth Armitage at 08:59 since you opened this form") {
		t.Fatalf("the colleague's record is not said:\n%s", d.Screen())
	}
	d.Keys("right right right enter") // RoSH High
	s := flat(d.Screen())
	for _, want := range []string{"Not saved.", "Beth Armitage recorded the outcome at acceptance on 24 Nov 2026 at 08:59 since it was shown",
		"Theirs says: RoSH Medium.", "Your answers are kept"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the refusal does not say %q:\n%s", want, d.Screen())
		}
	}
	if got := outcomes(t, c); len(got) != 1 {
		t.Fatalf("saved over the colleague's record: %+v", got)
	}
	d.Keys("enter")
	got := outcomes(t, c)
	if len(got) != 2 || got[1].MAPPALevel != domain.MAPPALevel2 || got[1].RoSH != domain.RoSHHigh || got[1].RecordedBy != c.Clinician.ID {
		t.Fatalf("the second save: %+v\n%s", got, d.Screen())
	}
}
