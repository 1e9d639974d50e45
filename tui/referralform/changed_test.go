package referralform

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A colleague corrects the referral, through another handle on the file, while this
// correction is open: the form says so, and is not reloaded under the typist.
func TestColleaguesCorrectionIsShown(t *testing.T) {
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	refs, err := st.Referrals(ctx)
	if err != nil || len(refs) == 0 {
		t.Fatalf("no referrals: %v", err)
	}
	was := refs[0]
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	d, _ := tuitest.Open(t, Edit(tuitest.Session(testNow, me), st, was), 120, 40)
	d.Type("x")
	d.Send(common.DataChangedMsg{})
	if strings.Contains(d.Screen(), "Changed by") {
		t.Fatalf("a change is claimed where there was none:\n%s", d.Screen())
	}
	o, err := store.Open(ctx, st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	now := was
	now.Referrer.Name = "Ms Priya Shah"
	if err := o.UpdateReferral(ctx, "os:colleague", testNow, was, now); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by someone else since you opened this form: your save will be refused; esc esc to leave and reopen.") {
		t.Errorf("the colleague's correction is not shown:\n%s", d.Screen())
	}
	if !strings.Contains(d.Screen(), was.Person.GivenName+"x") {
		t.Errorf("the typing was not kept:\n%s", d.Screen())
	}
}
