package home

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A lead's Today lists the cases nobody holds and, once a clinician is deactivated,
// each of their open cases as needing a new clinician; enter opens the case. Niamh, not
// a lead, sees neither.
func TestCasesNeedingAClinician(t *testing.T) {
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	tomC := testdb.Clinician(t, st, tom)
	if err := st.DeactivateClinician(ctx, "os:test", testNow, tomC.ID); err != nil {
		t.Fatal(err)
	}
	lead := testdb.Clinician(t, st, amara)
	var want []domain.AgendaItem
	for _, it := range agendaOf(t, st, lead, testNow).Items {
		if it.Section == domain.AgendaAllocation {
			want = append(want, it)
		}
	}
	held := 0
	for _, it := range want {
		if it.When == "needs a new clinician: Dr Tom Halliwell has left" {
			held++
		}
	}
	if held == 0 || len(want) != held+1 {
		t.Fatalf("the lead's cases needing a clinician: %+v, want Tom's and the unallocated one", want)
	}
	d, h := drive(t, st, lead, 200, 60)
	if !strings.Contains(d.Screen(), fmt.Sprintf("Cases needing a clinician (%d)", len(want))) ||
		!strings.Contains(lineOf(d.Screen(), "unallocated"), "Precious Nwosu") {
		t.Fatalf("the section is not shown:\n%s", d.Screen())
	}
	if !moveTo(d, want[0].When) || !strings.Contains(lineOf(d.Screen(), "› "), want[0].Text) {
		t.Fatalf("cannot move to %q:\n%s", want[0].Text, d.Screen())
	}
	if got := h.Sends(t, "enter"); got != (common.OpenCaseMsg{CaseID: want[0].Open.CaseID}) {
		t.Errorf("enter sent %#v, want case %d", got, want[0].Open.CaseID)
	}

	niamh, _ := drive(t, st, testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh"), 200, 60)
	if s := niamh.Screen(); strings.Contains(s, "needing a clinician") || strings.Contains(s, "has left") {
		t.Errorf("a clinician who is not a lead sees the cases needing a clinician:\n%s", s)
	}
}
