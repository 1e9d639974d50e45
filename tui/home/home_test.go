package home

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

func TestHomeGolden(t *testing.T) {
	st := testdb.Demo(t, testNow)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, testdb.Clinician(t, st, tom)), []tuitest.Size{{80, 24}, {120, 40}})
}

func TestFitsEverySize(t *testing.T) {
	st := testdb.Demo(t, testNow)
	paths := map[string]string{"top": "", "mine": "m", "bottom": "G", "pages": "pgdown pgdown pgup", "mine bottom": "m G"}
	sizes := []tuitest.Size{{20, 5}, {40, 8}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, testdb.Clinician(t, st, tom)), tuitest.AssertFitsAtMost,
		func(t testing.TB, screen string, _, h int) {
			if h > 2 && !strings.Contains(screen, "›") {
				t.Errorf("the cursor's line is off screen:\n%s", screen)
			}
		})
}

func TestEnterOnAReferralOpensIt(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	first := agendaOf(t, st, me, testNow).Items[0]
	if first.Section != domain.AgendaScreening {
		t.Fatalf("the demo's first line is %+v, want a referral to screen", first)
	}
	_, h := drive(t, st, me, 120, 40)
	if got := h.Sends(t, "enter"); got != (common.OpenReferralMsg{ID: first.Open.ID}) {
		t.Errorf("enter sent %#v, want OpenReferralMsg{ID: %d}", got, first.Open.ID)
	}
}

func TestEnterOnAReleaseOpensThePathway(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil || len(cases) == 0 {
		t.Fatalf("%d cases, %v", len(cases), err)
	}
	// Bring one more case's release forward to ten days away.
	soon := domain.ReleaseDate{Date: ident.DateOf(testNow.In(clock.London())).AddDays(10), Kind: domain.ReleaseCRD}
	if _, err := st.ChangeRelease(context.Background(), "os:test", testNow, cases[0].CaseID, soon, "Recalculated by the prison"); err != nil {
		t.Fatal(err)
	}
	d, h := drive(t, st, me, 120, 40)
	if !moveTo(d, "release in 10 days") {
		t.Fatalf("the release is not shown:\n%s", d.Screen())
	}
	want := common.OpenCaseMsg{CaseID: cases[0].CaseID, Tab: "pathway"}
	if got := h.Sends(t, "enter"); got != want {
		t.Errorf("enter sent %#v, want %#v", got, want)
	}
}

// Enter on a draft opens the note, to read and sign, not its text to type into.
func TestEnterOnADraftOpensTheNote(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	items := agendaOf(t, st, me, testNow).Items
	last := items[len(items)-1]
	if last.Open.Kind != domain.OpenNote {
		t.Fatalf("the demo's last line is %+v, want one of Tom's draft notes", last)
	}
	d, h := drive(t, st, me, 80, 24)
	d.Keys("G")
	if got := h.Sends(t, "enter"); got != (common.OpenNoteMsg{NoteID: last.Open.ID}) {
		t.Errorf("enter sent %#v, want note %d opened", got, last.Open.ID)
	}
}

func TestMineShowsOnlyYours(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 60)
	all := d.Screen()
	d.Keys("m")
	mine := d.Screen()
	if !strings.HasPrefix(mine, "Yours only: ") || strings.Contains(mine, "Referrals awaiting screening") {
		t.Fatalf("m did not keep to Tom's lines:\n%s", mine)
	}
	items := 0
	for _, l := range strings.Split(mine, "\n") {
		if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "› ") {
			items++
			if !strings.Contains(l[:len("› • ")+2], "•") {
				t.Errorf("a line not marked as Tom's: %q", l)
			}
		}
	}
	if items == 0 {
		t.Errorf("Tom has nothing due:\n%s", mine)
	}
	// The cursor stays on the line it was on, so compare without it.
	unmarked := strings.NewReplacer("› ", "  ")
	if unmarked.Replace(d.Keys("m").Screen()) != unmarked.Replace(all) {
		t.Errorf("m again does not show the team's lines:\n%s", d.Screen())
	}
}

// A tick reloads the agenda at the tick's time: a clock forty minutes from its deadline
// is overdue forty-one minutes later.
func TestTickMovesTheClocks(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	var due domain.AgendaItem
	for _, it := range agendaOf(t, st, me, testNow).Items {
		if it.When == "due in 0h 40m" {
			due = it
		}
	}
	if due.Text == "" {
		t.Fatal("the demo has no clock 40 minutes from its deadline")
	}
	d, _ := drive(t, st, me, 120, 40)
	if got := lineOf(d.Screen(), due.Text); !strings.Contains(got, "due in 0h 40m") || strings.Contains(got, "⚠") {
		t.Fatalf("before the tick: %q", got)
	}
	d.Send(common.TickMsg{Now: testNow.Add(41 * time.Minute)})
	if got := lineOf(d.Screen(), due.Text); !strings.Contains(got, "overdue by 0h 01m") || !strings.Contains(got, "⚠") {
		t.Errorf("after the tick: %q", got)
	}
}

func TestCaseChangedReloads(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	d, _ := drive(t, st, me, 120, 60)
	drafts, err := st.Drafts(context.Background(), me.ID)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("Tom's drafts: %d, %v", len(drafts), err)
	}
	if !strings.Contains(d.Screen(), "Your unsigned drafts (1)") {
		t.Fatalf("the draft is not shown:\n%s", d.Screen())
	}
	if _, err := st.SignNote(context.Background(), me.ID, testNow, drafts[0].ID, drafts[0].Revision); err != nil {
		t.Fatal(err)
	}
	d.Send(common.CaseChangedMsg{CaseID: drafts[0].CaseID})
	if s := d.Screen(); strings.Contains(s, "Your unsigned drafts") || !strings.Contains(s, "Nothing else due: drafts.") {
		t.Errorf("the signed draft is still due:\n%s", s)
	}
}

func TestKeysOpenTheOtherScreens(t *testing.T) {
	st := testdb.Demo(t, testNow)
	_, h := drive(t, st, testdb.Clinician(t, st, tom), 80, 24)
	for k, want := range map[string]any{"r": common.OpenQueueMsg{}, "c": common.OpenCaseloadMsg{},
		"t": common.OpenCountdownsMsg{}, "f": common.OpenForumsMsg{}, "n": common.NewReferralMsg{}} {
		_, cmd := h.Screen.Update(tuitest.Key(k))
		if cmd == nil || cmd() != want {
			t.Errorf("%s did not send %T", k, want)
		}
	}
}

// lineOf is the line of screen that holds text.
func lineOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// moveTo presses j until the line under the cursor holds text; false when it never does.
func moveTo(d *tuitest.Driver, text string) bool {
	for range 60 {
		if strings.HasPrefix(lineOf(d.Screen(), "› "), "› ") && strings.Contains(lineOf(d.Screen(), "› "), text) {
			return true
		}
		d.Keys("j")
	}
	return false
}
