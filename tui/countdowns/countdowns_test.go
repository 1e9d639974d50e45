package countdowns

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

const tom = "Dr Tom Halliwell"

func TestCountdownsGolden(t *testing.T) {
	st := testdb.Demo(t, testNow)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, testdb.Clinician(t, st, tom)), []tuitest.Size{{80, 24}, {120, 30}})
}

func TestFitsEverySize(t *testing.T) {
	st := testdb.Demo(t, testNow)
	paths := map[string]string{"list": "", "mine": "m", "filter": "/ o", "kept filter": "/ o enter", "bottom": "G"}
	sizes := []tuitest.Size{{20, 5}, {20, 24}, {33, 9}, {40, 8}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, testdb.Clinician(t, st, tom)), tuitest.AssertFitsAtMost)
}

// The rows come in the order the domain works out: the next milestone first.
func TestRowsInCountdownOrder(t *testing.T) {
	st := testdb.Demo(t, testNow)
	want := onPathway(t, st)
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	rows := tuitest.Rows(d.Screen())
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want), d.Screen())
	}
	for i, cd := range want {
		if !strings.Contains(rows[i], cd.Case.Person.Name()) || !strings.Contains(rows[i], cd.Pathway.Countdown[:min(18, len(cd.Pathway.Countdown))]) {
			t.Errorf("row %d = %q, want %s with %q", i+1, rows[i], cd.Case.Person.Name(), cd.Pathway.Countdown)
		}
	}
}

func TestEnterOpensThePathwayTab(t *testing.T) {
	st := testdb.Demo(t, testNow)
	cds := onPathway(t, st)
	d, h := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	d.Keys("j")
	if got, want := h.Sends(t, "enter"), (common.OpenCaseMsg{CaseID: cds[1].Case.CaseID, Tab: "pathway"}); got != want {
		t.Fatalf("enter sent %#v, want %#v", got, want)
	}
}

func TestROpensTheReleaseForm(t *testing.T) {
	st := testdb.Demo(t, testNow)
	cds := onPathway(t, st)
	_, h := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	got, ok := h.Sends(t, "r").(common.ChangeReleaseMsg)
	if !ok || got.CaseID != cds[0].Case.CaseID || got.Person != cds[0].Case.Person.Name() ||
		!slices.Equal(got.Release.Dates, cds[0].Case.Release.Dates) {
		t.Fatalf("r sent %#v, want the release of case %d", got, cds[0].Case.CaseID)
	}
}

func TestMineToggles(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	held := 0
	for _, cd := range onPathway(t, st) {
		if cd.Case.ClinicianID == me.ID {
			held++
		}
	}
	d, _ := drive(t, st, me, 120, 30)
	all := tuitest.Rows(d.Screen())
	d.Keys("m")
	mine := tuitest.Rows(d.Screen())
	if held == 0 || len(mine) != held || len(mine) >= len(all) {
		t.Fatalf("mine shows %d of %d cases, Tom holds %d:\n%s", len(mine), len(all), held, d.Screen())
	}
	if !strings.Contains(d.Screen(), "Your cases (") || strings.Contains(d.Screen(), "Clinician") {
		t.Errorf("mine is not named, or still shows the clinician column:\n%s", d.Screen())
	}
	d.Keys("m")
	if got := tuitest.Rows(d.Screen()); len(got) != len(all) {
		t.Errorf("m again shows %d cases, want all %d", len(got), len(all))
	}
}

func TestFilterByName(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d, h := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	all := tuitest.Rows(d.Screen())
	d.Keys("/").Type("bjorn") // folded: matches Björn
	got := tuitest.Rows(d.Screen())
	if len(got) != 1 || !strings.Contains(got[0], "Björn") {
		t.Fatalf("filter shows %q:\n%s", got, d.Screen())
	}
	// One match: enter keeps the filter and opens the case's pathway at once.
	d.Keys("enter")
	if open, ok := h.Sent[0].(common.OpenCaseMsg); len(h.Sent) != 1 || !ok || open.Tab != "pathway" {
		t.Fatalf("enter on the one match sent %#v, want its pathway opened", h.Sent)
	}
	h.Sent = nil
	d.Keys("esc")
	if len(tuitest.Rows(d.Screen())) != len(all) || len(h.Sent) != 0 {
		t.Fatalf("esc did not clear the kept filter first (sent %v):\n%s", h.Sent, d.Screen())
	}
	d.Keys("esc")
	if len(h.Sent) != 1 || h.Sent[0] != (common.BackMsg{}) {
		t.Fatalf("esc sent %#v, want BackMsg", h.Sent)
	}
}

// A new London day moves the countdowns; a tick within the same day changes nothing.
func TestTickOnANewDay(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 30)
	before := d.Screen()
	d.Send(common.TickMsg{Now: testNow.Add(10 * time.Hour)})
	if d.Screen() != before {
		t.Fatalf("a tick on the same day changed the screen:\n%s", d.Screen())
	}
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tomorrow := domain.Countdowns(cases, ident.MustDate(2026, 11, 25))
	d.Send(common.TickMsg{Now: testNow.Add(24 * time.Hour)})
	if want := tomorrow[0].Pathway.Countdown; !strings.Contains(d.Screen(), want) {
		t.Fatalf("the next day does not show %q:\n%s", want, d.Screen())
	}
}

func TestReloadsWhenACaseChanges(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	d, _ := drive(t, st, me, 120, 30)
	var cd domain.Countdown
	for _, c := range onPathway(t, st) {
		if c.Pathway.Phase == domain.PhasePreRelease {
			cd = c
			break
		}
	}
	// The date that is the release moves: one date a kind, so the same kind.
	to := domain.ReleaseDate{Date: ident.MustDate(2027, 8, 31), Kind: cd.Pathway.Anchor.Kind}
	if _, err := st.ChangeRelease(context.Background(), "clinician:1", testNow, cd.Case.CaseID, to, "parole refused"); err != nil {
		t.Fatal(err)
	}
	d.Send(common.CaseChangedMsg{CaseID: cd.Case.CaseID})
	if !strings.Contains(d.Screen(), "Tuesday 31 August 2027") {
		t.Fatalf("the deferred release does not show:\n%s", d.Screen())
	}
}
