package releaseform

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// Finding 11: a recall was recorded by enter alone, with no reason and no confirmation.
// It now asks for its reason (required) and a confirmation that starts at "Not yet";
// nothing is recorded until both are given.
func TestRecallAsksReasonAndConfirmation(t *testing.T) {
	st, c := openCase(t, domain.PhasePostRelease)
	com := tuitest.Session(testNow, testdb.Clinician(t, st, tom))
	d, h := tuitest.Open(t, New(com, st, c.CaseID, c.Person.Name(), c.Release), 80, 24)
	recalled := func() ident.Date {
		r, err := st.CaseRelease(context.Background(), c.CaseID)
		if err != nil {
			t.Fatal(err)
		}
		return r.RecalledOn
	}
	d.Keys("down down enter enter") // recalled, today
	if s := d.Screen(); !strings.Contains(s, "Reason for the recall") {
		t.Fatalf("the recall does not ask its reason:\n%s", s)
	}
	d.Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "say why the person was recalled") || !recalled().IsZero() {
		t.Fatalf("a recall without a reason went on:\n%s", s)
	}
	d.Type("Breach of licence: missed appointments.").Keys("enter")
	if s := d.Screen(); !strings.Contains(s, "Record this recall") {
		t.Fatalf("no confirmation asked:\n%s", s)
	}
	d.Keys("enter") // on "Not yet"
	if s := d.Screen(); !strings.Contains(s, "choose Record to confirm") || !recalled().IsZero() || len(h.Sent) != 0 {
		t.Fatalf("enter on Not yet recorded the recall (%v):\n%s", recalled(), s)
	}
	d.Keys("left enter")
	if !saved(h) || recalled() != ident.DateOf(testNow) {
		t.Fatalf("not recorded once confirmed (recalled %v, told %v):\n%s", recalled(), told(h), d.Screen())
	}
	events, err := st.ReleaseEvents(context.Background(), c.CaseID)
	if err != nil || len(events) == 0 || events[len(events)-1].Why != "Breach of licence: missed appointments." {
		t.Errorf("the recall's reason is not kept with it: %+v, %v", events, err)
	}
	if want := (common.InfoMsg{Text: "Recall to custody on 24 Nov 2026 recorded."}); told(h)[1] != want {
		t.Errorf("told %v, want %v", told(h)[1], want)
	}
}
