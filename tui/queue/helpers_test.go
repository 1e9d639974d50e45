package queue

import (
	"context"
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

const tom = "Dr Tom Halliwell"

// The store is the queue's source as it is, with no adapter between them.
var _ Referrals = (*store.Store)(nil)

// twoWindows is the demo database open twice, as two processes would hold it: the
// queue shown to Tom through the first handle at w×h, and the second handle, a
// colleague's, to change the data behind the queue's back.
func twoWindows(t testing.TB, w, h int) (*tuitest.Driver, *Model, *store.Store) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	other, err := store.Open(context.Background(), st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	m := New(tuitest.Session(testNow, testdb.Clinician(t, st, tom)), st)
	d, _ := tuitest.Open(t, m, w, h)
	return d, m, other
}

// selected is the referral under the cursor, as its row shows it.
func selected(t testing.TB, m *Model) *row {
	t.Helper()
	r := m.list.Selected()
	if r == nil {
		t.Fatal("no referral is selected")
	}
	return r
}

// downTo moves the cursor with j to the first referral below it that is, as a person
// would.
func downTo(t testing.TB, d *tuitest.Driver, m *Model, is func(*row) bool) *row {
	t.Helper()
	for range m.list.Shown() {
		if r := selected(t, m); is(r) {
			return r
		}
		d.Keys("j")
	}
	t.Fatalf("no such referral below the cursor:\n%s", d.Screen())
	return nil
}

func received(r *row) bool { return r.status == domain.StatusReceived }

// screenIn is a colleague screening referral id in, in another process.
func screenIn(t testing.TB, other *store.Store, id int64) {
	t.Helper()
	if _, err := other.ScreenReferral(context.Background(), "clinician:2", testNow, id, domain.ScreenedIn, "Discussed with the team: screen in and gather the rest."); err != nil {
		t.Fatal(err)
	}
}

// changed is the broadcast the root sends when another process committed.
var changed = common.DataChangedMsg{}
