package caseload

import (
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

const tom = "Dr Tom Halliwell"

func TestCaseloadGolden(t *testing.T) {
	st := testdb.Demo(t, testNow)
	tuitest.Golden(t, tuitest.AssertFitsAtMost, newScreen(st, testdb.Clinician(t, st, tom)), []tuitest.Size{{80, 24}, {120, 40}, {200, 60}})
}

func TestFitsEverySize(t *testing.T) {
	st := testdb.Demo(t, testNow)
	paths := map[string]string{"list": "", "mine": "m", "filter": "/ o", "kept filter": "/ o enter", "bottom": "G"}
	sizes := []tuitest.Size{{20, 5}, {40, 8}, {80, 24}, {200, 60}}
	tuitest.EverySize(t, paths, sizes, newScreen(st, testdb.Clinician(t, st, tom)), tuitest.AssertFitsAtMost)
}

func TestMineToggles(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 40)
	all := tuitest.Rows(d.Screen())
	d.Keys("m")
	mine := tuitest.Rows(d.Screen())
	if len(mine) == 0 || len(mine) >= len(all) {
		t.Fatalf("mine shows %d of %d cases:\n%s", len(mine), len(all), d.Screen())
	}
	if !strings.Contains(d.Screen(), "Your cases (") {
		t.Errorf("mine is not named:\n%s", d.Screen())
	}
	others := 0
	for _, r := range all {
		if !strings.Contains(r, tom) {
			others++
		}
	}
	if len(mine) != len(all)-others {
		t.Errorf("mine shows %d cases, Tom holds %d:\n%s", len(mine), len(all)-others, d.Screen())
	}
	d.Keys("m")
	if got := tuitest.Rows(d.Screen()); len(got) != len(all) {
		t.Errorf("m again shows %d cases, want all %d", len(got), len(all))
	}
}

func TestFilterNarrows(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d, _ := drive(t, st, testdb.Clinician(t, st, tom), 120, 40)
	all := tuitest.Rows(d.Screen())
	// The first word of the last row's name, typed as someone might: lower case.
	name := strings.Fields(all[len(all)-1])[0]
	d.Keys("/").Type(strings.ToLower(name))
	got := tuitest.Rows(d.Screen())
	if len(got) == 0 || len(got) >= len(all) {
		t.Fatalf("filter %q shows %d of %d:\n%s", name, len(got), len(all), d.Screen())
	}
	for _, r := range got {
		if !strings.Contains(strings.ToLower(r), strings.ToLower(name)) {
			t.Errorf("row without %q: %q", name, r)
		}
	}
	d.Keys("esc")
	if len(tuitest.Rows(d.Screen())) != len(all) {
		t.Errorf("esc did not clear the filter:\n%s", d.Screen())
	}
	d.Keys("/").Type("halliwell").Keys("enter")
	if got := tuitest.Rows(d.Screen()); len(got) == 0 || len(got) >= len(all) {
		t.Errorf("filtering by the clinician shows %d of %d", len(got), len(all))
	}
}

func TestEnterOpensTheCaseAndEscGoesBack(t *testing.T) {
	st := testdb.Demo(t, testNow)
	sums := summaries(t, st)
	want := sums[len(sums)-1]
	d, h := drive(t, st, testdb.Clinician(t, st, tom), 120, 40)
	// The filter leaves one case: one enter keeps the filter and opens it.
	d.Keys("/").Type(want.Referral.Person.Name())
	if got := h.Sends(t, "enter"); got != (common.OpenCaseMsg{CaseID: want.Case.ID}) {
		t.Fatalf("enter sent %#v, want OpenCaseMsg{CaseID: %d}", got, want.Case.ID)
	}
	// esc first clears the kept filter, then goes back.
	d.Keys("esc")
	if len(h.Sent) != 0 || strings.Contains(d.Screen(), "esc clears") {
		t.Fatalf("esc with a filter sent %#v:\n%s", h.Sent, d.Screen())
	}
	d.Keys("esc")
	if len(h.Sent) != 1 || h.Sent[0] != (common.BackMsg{}) {
		t.Fatalf("esc sent %#v, want BackMsg", h.Sent)
	}
}

func TestReloadsWhenACaseChanges(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	d, _ := drive(t, st, me, 120, 40)
	before := d.Screen()
	caseID := signNote(t, st, me, "Seen on the wing; plans for release discussed.")
	d.Send(common.CaseChangedMsg{CaseID: caseID})
	if d.Screen() == before || !strings.Contains(d.Screen(), "24 Nov 2026") {
		t.Fatalf("the signed note's contact does not show:\n%s", d.Screen())
	}
}

func TestNoOpenCases(t *testing.T) {
	st, c := testdb.NoCases(t, testNow)
	d, _ := drive(t, st, c, 80, 24)
	if !strings.Contains(d.Screen(), "No open cases.") {
		t.Fatalf("no empty state:\n%s", d.Screen())
	}
}
