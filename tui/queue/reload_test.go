package queue

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// A colleague's decision shows without leaving the queue, the cursor stays on the
// referral it was on (which has moved down among the screened), and the filter stays.
func TestColleaguesDecisionShowsInPlace(t *testing.T) {
	d, m, other := twoWindows(t, 120, 40)
	d.Keys("/").Type("e").Keys("enter")
	d.Keys("j j")
	x := downTo(t, d, m, received)
	id, name, shown := x.id, x.name, len(m.list.Shown())
	screenIn(t, other, id)
	if got := selected(t, m); got.status != domain.StatusReceived {
		t.Fatalf("the queue changed before it was told: %s", got.status)
	}
	d.Send(changed)
	got := selected(t, m)
	if got.id != id || got.status != domain.StatusScreenedIn {
		t.Fatalf("cursor on %d (%s), want %d (%s) screened in:\n%s", got.id, got.status, id, name, d.Screen())
	}
	if cur := cursorRow(d.Screen()); !strings.Contains(cur, name) || !strings.Contains(cur, "screened in") {
		t.Errorf("the row under the cursor is %q, want %s screened in", cur, name)
	}
	if m.list.Query() != "e" || len(m.list.Shown()) != shown || !strings.Contains(d.Screen(), "/ e") {
		t.Errorf("filter %q showing %d, want %q showing %d:\n%s", m.list.Query(), len(m.list.Shown()), "e", shown, d.Screen())
	}
}

// A new referral logged in another process joins the list; the cursor and the scroll
// stay where they were.
func TestColleaguesNewReferralJoinsWithoutMovingTheCursor(t *testing.T) {
	d, m, other := twoWindows(t, 120, 12)
	d.Keys("G")
	for range 3 {
		d.Keys("k")
	}
	id, offset, total := selected(t, m).id, m.list.Offset(), len(m.list.Rows())
	if offset == 0 {
		t.Fatal("the list does not scroll at this size")
	}
	r := domain.Referral{
		Person:     domain.Person{GivenName: "Oisín", FamilyName: "Newreferral", DateOfBirth: ident.MustDate(1990, 1, 2), NHSNumber: "9990000026"},
		Source:     domain.SourceProbation,
		ReceivedAt: testNow, EnteredAt: testNow, Status: domain.StatusReceived,
	}
	if _, err := other.AddReferral(context.Background(), "clinician:2", testNow, r); err != nil {
		t.Fatal(err)
	}
	d.Send(changed)
	if len(m.list.Rows()) != total+1 {
		t.Fatalf("%d referrals after the colleague's, want %d", len(m.list.Rows()), total+1)
	}
	if got := selected(t, m).id; got != id || m.list.Offset() != offset {
		t.Errorf("cursor on %d at offset %d, want %d at %d", got, m.list.Offset(), id, offset)
	}
	d.Keys("/").Type("newreferral")
	if rows := tuitest.Rows(d.Screen()); len(rows) != 1 || !strings.Contains(rows[0], "Oisín Newreferral") {
		t.Errorf("the new referral is not listed:\n%s", d.Screen())
	}
}

// When the referral under the cursor leaves the status group shown, the cursor stays at
// its place, on the next one, not back at the top.
func TestCursorStaysInPlaceWhenItsReferralLeavesTheGroup(t *testing.T) {
	d, m, other := twoWindows(t, 120, 40)
	d.Keys("f") // awaiting screening
	d.Keys("j j")
	at, id := m.list.Cursor(), selected(t, m).id
	next := m.list.Rows()[m.list.Shown()[at+1]].id
	screenIn(t, other, id)
	d.Send(changed)
	if m.group != 1 || m.list.Cursor() != at || selected(t, m).id != next {
		t.Errorf("group %d, cursor %d on %d; want group 1, cursor %d on %d (the next)", m.group, m.list.Cursor(), selected(t, m).id, at, next)
	}
}

// Until the new rows arrive the old ones stay on screen: no "Loading" between.
func TestReloadKeepsTheOldRowsUntilTheNewArrive(t *testing.T) {
	d, m, other := twoWindows(t, 120, 40)
	before := d.Screen()
	screenIn(t, other, downTo(t, d, m, received).id)
	_, cmd := m.Update(changed)
	if cmd == nil {
		t.Fatal("no reload")
	}
	if got := d.Screen(); got != before {
		t.Errorf("the screen changed before the reload landed:\n%s", got)
	}
	// A second change noticed while the first reload runs starts no second read.
	if _, again := m.Update(changed); again != nil {
		t.Error("a second reload started while one runs")
	}
	d.Send(cmd())
	if strings.Contains(d.Screen(), "Loading") || d.Screen() == before {
		t.Errorf("after the reload:\n%s", d.Screen())
	}
}

func cursorRow(screen string) string {
	for _, r := range tuitest.Rows(screen) {
		if strings.HasPrefix(r, "› ") {
			return r
		}
	}
	return ""
}

// A referral saved here while a reload runs still gets the cursor, from the read that
// follows the save.
func TestSavedReferralGetsTheCursorAfterAReloadInFlight(t *testing.T) {
	d, m, _ := twoWindows(t, 120, 40)
	_, inFlight := m.Update(changed)
	r := domain.Referral{
		Person:     domain.Person{GivenName: "Niamh", FamilyName: "Savedhere", DateOfBirth: ident.MustDate(1991, 3, 4), NHSNumber: "9990000034"},
		Source:     domain.SourceProbation,
		ReceivedAt: testNow, EnteredAt: testNow, Status: domain.StatusReceived,
	}
	id, err := m.src.(*store.Store).AddReferral(context.Background(), "clinician:1", testNow, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, cmd := m.Update(common.ReferralChangedMsg{ID: id}); cmd != nil {
		t.Fatal("a second load started while one runs")
	}
	d.Send(inFlight())
	if got := selected(t, m); got.id != id {
		t.Errorf("cursor on %s, want the referral just saved:\n%s", got.name, d.Screen())
	}
}

// counting is the store, counting the reads of every referral.
type counting struct {
	*store.Store
	reads int
}

func (c *counting) QueuePage(ctx context.Context, after int64, limit int, each func(*domain.Referral)) (int, int64, error) {
	if after == 0 { // the first page: a read of every referral begins
		c.reads++
	}
	return c.Store.QueuePage(ctx, after, limit, each)
}

// A change that touches no referral (Tom's draft signed in his other window) updates the
// drafts line without reading every referral again.
func TestChangeToNoReferralReadsNoReferrals(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other, err := store.Open(context.Background(), st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	me := testdb.Clinician(t, st, tom)
	src := &counting{Store: st}
	m := New(tuitest.Session(testNow, me), src)
	d, _ := tuitest.Open(t, m, 120, 40)
	drafts, err := st.Drafts(context.Background(), me.ID)
	if err != nil || len(drafts) != 1 || !strings.Contains(d.Screen(), "1 draft note") {
		t.Fatalf("%d drafts, %v:\n%s", len(drafts), err, d.Screen())
	}
	reads := src.reads
	if _, err := other.SignNote(context.Background(), me.ID, testNow, drafts[0].ID, drafts[0].Revision); err != nil {
		t.Fatal(err)
	}
	d.Send(changed)
	if strings.Contains(d.Screen(), "draft note") {
		t.Errorf("the draft signed elsewhere is still counted:\n%s", d.Screen())
	}
	if src.reads != reads {
		t.Errorf("every referral was read again for a note")
	}
	screenIn(t, other, downTo(t, d, m, received).id)
	d.Send(changed)
	if src.reads != reads+1 || selected(t, m).status != domain.StatusScreenedIn {
		t.Errorf("a decision elsewhere: %d reads, status %s", src.reads-reads, selected(t, m).status)
	}
}
