package closedcases

import (
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

// The demo's closed cases are listed, one for each reason, the latest closing first;
// enter opens the one under the cursor on its discharge tab.
func TestClosedCasesListed(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	d, h := tuitest.Open(t, New(tuitest.Session(testNow, me), st), 160, 30)
	s := d.Screen()
	tuitest.AssertFitsAtMost(t, s, 160, 30)
	for _, r := range domain.ClosingReasons {
		want := r.Label()[:min(len(r.Label()), 20)] // a long reason is cut to its column
		if r == domain.ClosedTransferred {
			want = "transferred to "
		}
		if !strings.Contains(s, want) {
			t.Errorf("no case closed as %q:\n%s", want, s)
		}
	}
	m := h.Screen.(*Model)
	rows := m.list.Rows()
	for i := 1; i < len(rows); i++ {
		if rows[i].Closure.On.After(rows[i-1].Closure.On) {
			t.Errorf("row %d closed %s after the row above (%s)", i, rows[i].Closure.On, rows[i-1].Closure.On)
		}
	}
	msg := h.Sends(t, "enter")
	if o, ok := msg.(common.OpenCaseMsg); !ok || o.CaseID != rows[0].CaseID || o.Tab != "discharge" {
		t.Fatalf("enter sent %#v", msg)
	}
}

// A case closed in another window joins the list when the data changes.
func TestClosedCaseJoins(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	d, _ := tuitest.Open(t, New(tuitest.Session(testNow, c.Clinician), c.Store), 100, 20)
	if !strings.Contains(d.Screen(), "No case has been closed.") {
		t.Fatalf("closed cases before any closing:\n%s", d.Screen())
	}
	testdb.Close(t, c, testNow)
	d.Send(common.DataChangedMsg{})
	if s := d.Screen(); !strings.Contains(s, "1 closed case") || !strings.Contains(s, c.Person) || !strings.Contains(s, "support completed") {
		t.Fatalf("the closed case did not join:\n%s", s)
	}
}

// / filters the closed cases by name, clinician, reason or day; enter on the one match
// opens it.
func TestClosedCasesFilter(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	d, h := tuitest.Open(t, New(tuitest.Session(testNow, me), st), 160, 30)
	m := h.Screen.(*Model)
	first := m.list.Rows()[0]
	d.Keys("/").Type(strings.ToLower(first.Person.Name()))
	if got := len(m.list.Shown()); got != 1 || !strings.Contains(d.Screen(), "1 of ") {
		t.Fatalf("filtering by %s shows %d:\n%s", first.Person.Name(), got, d.Screen())
	}
	if msg := h.Sends(t, "enter"); msg != (common.OpenCaseMsg{CaseID: first.CaseID, Tab: "discharge"}) {
		t.Fatalf("enter on the one match sent %#v", msg)
	}
	d.Keys("esc / zzzz")
	if !strings.Contains(d.Screen(), "No closed case matches the filter") {
		t.Errorf("no word for a filter that matches nothing:\n%s", d.Screen())
	}
}

// The list fits every size, with its filter typed and kept.
func TestFitsEverySize(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	paths := map[string]string{"list": "", "bottom": "G", "filter": "/ o", "kept filter": "/ o enter", "none": "/ q q"}
	tuitest.EverySize(t, paths, []tuitest.Size{{20, 5}, {40, 8}, {80, 24}, {200, 60}},
		func() common.Screen { return New(tuitest.Session(testNow, me), st) }, tuitest.AssertFitsAtMost)
}
