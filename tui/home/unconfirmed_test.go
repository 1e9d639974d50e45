package home

import (
	"context"
	"slices"
	"strings"
	"testing"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A release date that has passed with nothing recorded heads the Today screen of the
// case's clinician, and enter opens the case's pathway to record it.
func TestReleaseNotConfirmedHeadsTheScreen(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	cases, err := st.CasesOnPathway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var mine *domain.CaseOnPathway
	for i, c := range cases {
		if c.ClinicianID == me.ID && c.Release.Actual.IsZero() && c.Release.RecalledOn.IsZero() {
			mine = &cases[i]
			break
		}
	}
	if mine == nil {
		t.Fatal("Tom holds no case still in custody")
	}
	passed := domain.ReleaseDate{Date: ident.DateOf(testNow.In(clock.London())).AddDays(-14), Kind: domain.ReleaseCRD}
	if _, err := st.ChangeRelease(context.Background(), "os:test", testNow, mine.CaseID, passed, "Date as the prison gave it"); err != nil {
		t.Fatal(err)
	}
	d, h := drive(t, st, me, 120, 40)
	// The summary takes one line, or two when its counts do not fit on one.
	lines := strings.Split(d.Screen(), "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Releases to confirm (1)") })
	if head < 1 || head > 2 || head+1 >= len(lines) ||
		!strings.Contains(lines[head+1], "release was due Tuesday 10 November 2026: record the release") ||
		!strings.Contains(lines[head+1], "• ⚠") {
		t.Fatalf("the unconfirmed release does not head the screen:\n%s", d.Screen())
	}
	if summary := strings.Join(lines[:head], " "); !strings.Contains(summary, "1 release to confirm") &&
		!strings.HasPrefix(summary, "1 to confirm · ") {
		t.Errorf("summary %q does not count it", summary)
	}
	want := common.OpenCaseMsg{CaseID: mine.CaseID, Tab: "pathway"}
	if got := h.Sends(t, "enter"); got != want {
		t.Errorf("enter sent %#v, want %#v", got, want)
	}
	if d.Keys("m"); !strings.Contains(d.Screen(), "Releases to confirm (1)") {
		t.Errorf("not on Tom's own lines:\n%s", d.Screen())
	}
}
