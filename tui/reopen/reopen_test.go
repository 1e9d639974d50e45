package reopen

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Source = (*store.Store)(nil)

func reopenAs(t *testing.T, c testdb.Case, closing domain.DischargeSummary, me domain.Clinician) (*Model, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	com := tuitest.Session(testNow.Add(time.Hour), me)
	com.ArmAfter = 0
	m := New(com, c.Store, c.ID, c.Person, closing)
	d, h := tuitest.Open(t, m, 100, 30)
	return m, d, h
}

func status(t *testing.T, c testdb.Case) domain.CaseStatus {
	t.Helper()
	s, err := c.Store.CaseSummary(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s.Case.Status
}

// A lead reopens a closed case with a reason, confirmed; the store records it with the
// reason, and the case is open again.
func TestLeadReopens(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	closing := testdb.Close(t, c, testNow)
	lead := testdb.Lead(t, c, "Dr Amara Okonkwo-Reid", testNow)
	_, d, h := reopenAs(t, c, closing, lead)
	if !strings.Contains(d.Screen(), "Closed on 24 Nov 2026: support completed.") {
		t.Fatalf("the closing undone is not shown:\n%s", d.Screen())
	}
	d.Keys("ctrl+g")
	if !strings.Contains(d.Screen(), "Say why the case is reopened") || d.Model.(*tuitest.Host).Screen.(*Model).dialog != nil {
		t.Fatalf("reopened without a reason:\n%s", d.Screen())
	}
	d.Type("Recalled and released again; the COM asks us to resume.")
	d.Keys("ctrl+g")
	if !strings.Contains(d.Screen(), "Reopen the case of Aoife Brennan?") || !strings.Contains(d.Screen(), "y reopen · n or esc cancel") {
		t.Fatalf("no confirmation:\n%s", d.Screen())
	}
	d.Keys("y")
	if got := status(t, c); got != domain.CaseOpen {
		t.Fatalf("status %s after reopening", got)
	}
	s, err := c.Store.DischargeSummaries(context.Background(), c.ID)
	if err != nil || len(s) != 1 || s[0].Reopened == nil || s[0].Reopened.LeadID != lead.ID ||
		s[0].Reopened.Reason != "Recalled and released again; the COM asks us to resume." {
		t.Fatalf("reopening as stored: %+v %v", s, err)
	}
	h.WantTold(t, common.CaseChangedMsg{CaseID: c.ID}, common.BackMsg{})
}

// Anyone but a lead is refused by the store, whatever the screen was opened by: the case
// stays closed, the refusal is said, and the reason typed stays.
func TestReopenRefusedForNonLead(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	closing := testdb.Close(t, c, testNow)
	m, d, _ := reopenAs(t, c, closing, c.Clinician)
	d.Type("I would like it back.")
	d.Keys("ctrl+g y")
	if got := status(t, c); got != domain.CaseClosed {
		t.Fatalf("status %s after a non-lead's reopening", got)
	}
	if !strings.Contains(d.Screen(), "Not reopened:") || !strings.Contains(d.Screen(), "only a lead may reopen") {
		t.Errorf("the refusal is not said:\n%s", d.Screen())
	}
	if m.reason.Value() != "I would like it back." {
		t.Errorf("the reason typed was lost: %q", m.reason.Value())
	}
}

// n leaves the case closed.
func TestReopenNotConfirmed(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	closing := testdb.Close(t, c, testNow)
	_, d, _ := reopenAs(t, c, closing, testdb.Lead(t, c, "Dr Amara Okonkwo-Reid", testNow))
	d.Type("Because.").Keys("ctrl+g n")
	if got := status(t, c); got != domain.CaseClosed {
		t.Fatalf("status %s after n", got)
	}
}
