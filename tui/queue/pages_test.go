package queue

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// Read three referrals a page after a head of one screened, the queue is the queue read
// whole in its head (the demo's referrals are fewer than the head holds): the same rows
// in the same order, the same frame; and a reload after a colleague's change reads
// every page again.
func TestQueueReadInPagesIsTheQueue(t *testing.T) {
	st := testdb.Demo(t, testNow)
	me := testdb.Clinician(t, st, tom)
	wholeSrc, pagedSrc := &counting{Store: st}, &counting{Store: st}
	whole := New(tuitest.Session(testNow, me), wholeSrc)
	wd, _ := tuitest.Open(t, whole, 120, 40)
	paged := New(tuitest.Session(testNow, me), pagedSrc)
	paged.page, paged.screened = 3, 1 // a head of fewer than every referral, then pages
	pd, _ := tuitest.Open(t, paged, 120, 40)
	if n := len(whole.list.Rows()); n <= 3*paged.page || !paged.loaded || len(paged.list.Rows()) != n {
		t.Fatalf("%d rows read in pages of 3, want %d in more than three pages", len(paged.list.Rows()), n)
	}
	if !whole.loaded || wholeSrc.reads != 0 || pagedSrc.reads != 1 || whole.mark == 0 || whole.mark != paged.mark {
		t.Errorf("whole in its head: loaded %v after %d reads of every referral (want 0), mark %d; in pages: %d reads (want 1), mark %d",
			whole.loaded, wholeSrc.reads, whole.mark, pagedSrc.reads, paged.mark)
	}
	if !slices.Equal(whole.list.Rows(), paged.list.Rows()) {
		t.Error("the rows read in pages differ")
	}
	if pd.Screen() != wd.Screen() {
		t.Errorf("read in pages:\n%s\nin one:\n%s", pd.Screen(), wd.Screen())
	}
	paged.mark = 0 // as if a referral had changed
	pd.Send(changed)
	if len(paged.list.Rows()) != len(whole.list.Rows()) || pd.Screen() != wd.Screen() {
		t.Errorf("after a reload in pages:\n%s", pd.Screen())
	}
}

// The rows sort as domain.QueueOrder orders their referrals: running clocks by time
// left, overdue first; stopped ones newest received first; ties by id. Received times
// repeat, to the nanosecond and across a second, so that every key counts.
func TestRowsSortInQueueOrder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 7))
	statuses := []domain.ReferralStatus{domain.StatusReceived, domain.StatusScreenedIn, domain.StatusWithdrawn}
	var refs []domain.Referral
	for i := range 3000 {
		r := domain.Referral{ID: int64(rnd.IntN(5000)), Status: statuses[rnd.IntN(len(statuses))],
			ReceivedAt: testNow.Add(-time.Duration(rnd.IntN(40)) * time.Hour).Add(time.Duration(rnd.IntN(3)) * 500 * time.Millisecond),
			Person:     domain.Person{GivenName: "Given", FamilyName: "Family"}}
		if r.Status == domain.StatusScreenedIn {
			r.ScreenedAt = r.ReceivedAt.Add(time.Hour)
		}
		if i%5 == 0 {
			r.DeadlineRule = domain.Deadline2WorkingDays
		}
		refs = append(refs, r)
	}
	rows := buildRows(refs, testNow)
	slices.SortFunc(refs, func(a, b domain.Referral) int { return domain.QueueOrder(a, a.Clock(testNow), b, b.Clock(testNow)) })
	for i := range refs {
		if rows[i].id != refs[i].ID || !rows[i].received.Equal(refs[i].ReceivedAt) || rows[i].status != refs[i].Status {
			t.Fatalf("row %d is referral %d received %s, want %d received %s", i, rows[i].id, rows[i].received, refs[i].ID, refs[i].ReceivedAt)
		}
	}
}
