package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A lead sees the demo's open request, records another through the form (nothing
// written until confirmed), extends it once and records it answered; anyone else is
// refused the screen in a sentence.
func TestALeadAnswersSubjectAccessRequests(t *testing.T) {
	st := testdb.Demo(t, testNow)
	app := newAppAs(t, st, domain.AccessLead)
	d := tuitest.New(t, app, 120, 40)
	d.Keys("s") // from Today
	if app.top().Title() != "Subject access requests" || !strings.Contains(d.Screen(), "The person, by letter") {
		t.Fatalf("the lead's list:\n%s", d.Screen())
	}
	d.Keys("n")
	d.Keys("enter") // the first person, by family name
	d.Keys("enter") // received today
	d.Type("Her solicitor, Ms Adeyemi").Keys("enter")
	d.Keys("n") // not yet: nothing written
	if got := openRequests(t, st); got != 1 {
		t.Fatalf("%d open requests after Not yet, want 1:\n%s", got, d.Screen())
	}
	d.Keys("shift+tab").Keys("enter").Keys("y")
	if got := openRequests(t, st); got != 2 {
		t.Fatalf("%d open requests after Record, want 2:\n%s", got, d.Screen())
	}
	if !strings.Contains(d.Screen(), "Her solicitor, Ms Adeyemi") || !strings.Contains(d.Screen(), "due in 30 days") {
		t.Fatalf("the new request is not listed as due in a month:\n%s", d.Screen())
	}
	// The new one is due sooner than the demo's? No: today's is due last; go to it.
	d.Keys("G x")
	d.Keys("enter") // the furthest day allowed, as offered
	d.Type("Records held by three prisons").Keys("enter")
	d.Keys("y")
	if !strings.Contains(d.Screen(), "(ext)") {
		t.Fatalf("the extension is not shown:\n%s", d.Screen())
	}
	d.Keys("d enter y")
	if got := openRequests(t, st); got != 1 {
		t.Fatalf("%d open requests after the answer, want 1:\n%s", got, d.Screen())
	}
}

func openRequests(t *testing.T, st interface {
	OpenAccessRequests(context.Context) ([]domain.AccessRequestOn, error)
}) int {
	t.Helper()
	got, err := st.OpenAccessRequests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(got)
}

func TestOnlyALeadSeesSubjectAccessRequests(t *testing.T) {
	st := testdb.Demo(t, testNow)
	app := newAppAs(t, st, domain.AccessClinician)
	d := tuitest.New(t, app, 100, 30)
	if d.Keys("s"); app.top().Title() == "Subject access requests" {
		t.Fatal("s opened the requests for a clinician")
	}
	d.Send(common.OpenAccessRequestsMsg{})
	if app.top().Title() == "Subject access requests" || !strings.Contains(d.Screen(), "only a lead can see and answer subject access requests") {
		t.Fatalf("a clinician was shown the requests, or not told why not:\n%s", d.Screen())
	}
}

func TestSubjectAccessRequestsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			st := testdb.Demo(t, testNow)
			d := tuitest.New(t, newAppAs(t, st, domain.AccessLead), size[0], size[1])
			d.Send(common.OpenAccessRequestsMsg{})
			golden.RequireEqual(t, []byte(d.Screen()))
		})
	}
}
