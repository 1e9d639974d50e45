package home

import (
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A lead's Today lists the demo's open subject access request with its days left;
// enter opens the requests screen, where it is extended or answered. A clinician's
// Today does not list it.
func TestSubjectAccessRequestsOnALeadsToday(t *testing.T) {
	st := testdb.Demo(t, testNow)
	lead := testdb.Clinician(t, st, amara)
	var want domain.AgendaItem
	for _, it := range agendaOf(t, st, lead, testNow).Items {
		if it.Section == domain.AgendaAccessRequests {
			want = it
		}
	}
	if want.Open.Kind != domain.OpenAccessRequest || want.Open.ID == 0 {
		t.Fatalf("the demo's lead has no subject access request on Today: %+v", want)
	}
	d, h := drive(t, st, lead, 160, 60)
	if !strings.Contains(d.Screen(), "Subject access requests (1)") || !moveTo(d, "answer due in") {
		t.Fatalf("the request is not shown:\n%s", d.Screen())
	}
	if got := h.Sends(t, "enter"); got != (common.OpenAccessRequestsMsg{}) {
		t.Errorf("enter sent %#v, want the requests screen", got)
	}
	niamh, _ := drive(t, st, testdb.Clinician(t, st, "Dr Niamh Ó Dálaigh"), 160, 60)
	if strings.Contains(niamh.Screen(), "Subject access") {
		t.Errorf("a clinician who is not a lead sees the requests:\n%s", niamh.Screen())
	}
}
