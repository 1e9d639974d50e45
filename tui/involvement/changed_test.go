package involvement

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
)

// A colleague records the case's MARAC standing, through another handle on the file,
// while this form is open on it: the form says so, and is not reloaded under the typist.
func TestColleaguesChangeIsShown(t *testing.T) {
	f := newFixture(t)
	seen := domain.ForumInvolvement{CaseID: f.caseID, Forum: domain.ForumMARAC}
	d, _ := f.open(t, seen, 120, 30)
	d.Send(common.DataChangedMsg{})
	if strings.Contains(d.Screen(), "Changed by") {
		t.Fatalf("a change is claimed where there was none:\n%s", d.Screen())
	}
	o, err := store.Open(context.Background(), f.st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	v := seen
	v.Active, v.AsAt, v.Note = true, ident.MustDate(2026, 11, 20), "Leeds MARAC"
	if err := o.SetInvolvementSeen(context.Background(), "os:colleague", testNow, seen, v); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by someone else since you opened this form: your save will be refused; esc esc to leave and reopen.") {
		t.Errorf("the colleague's change is not shown:\n%s", d.Screen())
	}
}
