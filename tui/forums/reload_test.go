package forums

import (
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A meeting booked in another process joins the list when the data changes, above the
// cursor, which stays on the meeting it was on.
func TestMeetingBookedElsewhereJoinsWithoutMovingTheCursor(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 40)
	m := h.Screen.(*Model)
	moveTo(t, d, h, b.mappa)
	at := m.list.Cursor()
	booked := record(t, other, domain.ForumMeeting{CaseID: b.othersCase, Kind: domain.MeetingMARAC, Date: day(time.November, 25),
		Role: domain.RoleAttends, Chair: "Police (DS Kaur)"})
	if shownIDs(h)[booked] {
		t.Fatal("the meeting shows before the screen was told")
	}
	d.Send(common.DataChangedMsg{})
	if !shownIDs(h)[booked] {
		t.Fatalf("the meeting booked elsewhere does not show:\n%s", d.Screen())
	}
	if m.selectedID() != b.mappa || m.list.Cursor() != at+1 {
		t.Errorf("cursor on meeting %d at %d, want %d at %d", m.selectedID(), m.list.Cursor(), b.mappa, at+1)
	}
}

// A meeting booked elsewhere after the one under the cursor leaves the scroll alone.
func TestReloadKeepsTheScroll(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	me := testdb.Clinician(t, st, tom)
	b := addMeetings(t, st, me)
	d, h := drive(t, st, me, 120, 8)
	m := h.Screen.(*Model)
	moveTo(t, d, h, b.channel)
	top, at := m.list.Top(), m.list.Cursor()
	if top == 0 {
		t.Fatalf("the list does not scroll at this size:\n%s", d.Screen())
	}
	record(t, other, domain.ForumMeeting{CaseID: b.tomsCase, Kind: domain.MeetingMARAC, Date: day(time.December, 21),
		Role: domain.RoleInforms, Chair: "Police"})
	d.Send(common.DataChangedMsg{})
	if m.selectedID() != b.channel || m.list.Cursor() != at || m.list.Top() != top {
		t.Errorf("cursor on %d at %d, top %d; want %d at %d, top %d", m.selectedID(), m.list.Cursor(), m.list.Top(), b.channel, at, top)
	}
}
