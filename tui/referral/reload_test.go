package referral

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

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the view's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// A referral screened by a colleague in another process shows its decision when the
// data changes, without leaving the view and without moving its scroll; until the new
// read lands, the old one stays on screen.
func TestDecisionTakenElsewhereShows(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other, err := store.Open(context.Background(), st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	waiting, err := st.UnscreenedReferrals(context.Background())
	if err != nil || len(waiting) == 0 {
		t.Fatalf("%d referrals waiting, %v", len(waiting), err)
	}
	id := waiting[0].ID
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	m := New(tuitest.Session(testNow, me), st, id)
	d, h := tuitest.Open(t, m, 100, 14)
	d.Keys("down down")
	off := m.vp.YOffset()
	if off == 0 {
		t.Fatalf("the view does not scroll at this size:\n%s", d.Screen())
	}
	if _, err := other.ScreenReferral(context.Background(), "clinician:2", testNow, id, domain.ScreenedIn,
		"Discussed with the team: screen in and gather the rest."); err != nil {
		t.Fatal(err)
	}
	before := d.Screen()
	_, cmd := m.Update(common.DataChangedMsg{})
	if cmd == nil || d.Screen() != before {
		t.Fatalf("no reload, or the screen changed before it landed:\n%s", d.Screen())
	}
	d.Send(cmd())
	if m.vp.YOffset() != off {
		t.Errorf("scrolled to %d, was at %d", m.vp.YOffset(), off)
	}
	if len(h.Sent) != 0 {
		t.Errorf("the view told the root %#v", h.Sent)
	}
	all := strings.Join(m.body(), "\n")
	if !strings.Contains(all, "Screened in by") {
		t.Errorf("the decision does not show:\n%s", all)
	}
}
