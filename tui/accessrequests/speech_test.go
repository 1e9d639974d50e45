package accessrequests

import (
	"context"
	"fmt"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

var _ Source = (*store.Store)(nil)

// The list says how many requests are open and overdue, the one under the cursor in
// words with no warning mark, and the keys open on it.
func TestAccessRequestsSpeech(t *testing.T) {
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	lead := testdb.Clinician(t, st, "Dr Amara Okonkwo-Reid")
	people, err := st.People(ctx)
	if err != nil || len(people) == 0 {
		t.Fatalf("%d people, %v", len(people), err)
	}
	actor := fmt.Sprintf("clinician:%d", lead.ID)
	if _, err := st.RecordAccessRequest(ctx, actor, testNow, domain.AccessRequest{PersonID: people[0].ID,
		ReceivedOn: ident.MustDate(2026, 10, 1), RequestedBy: "the person, by letter"}); err != nil {
		t.Fatal(err)
	}
	d, h := tuitest.Open(t, New(tuitest.Session(testNow, lead), st), 100, 30)
	lines := tuitest.Speech(t, h.Screen)
	tuitest.Says(t, lines, "Subject access requests: 2 open, 1 overdue; each is due a month after receipt; a shows every request.",
		"1 of 2: "+people[0].Name()+", received 1 Oct 2026, due 1 Nov 2026, overdue by 23 days, asked by the person, by letter.",
		"Keys: n record a request, x extend, d answered, a every request or the open ones, escape back.")
	d.Keys("a")
	tuitest.Says(t, tuitest.Speech(t, h.Screen), "Subject access requests: 2 in all, answered ones too, 1 overdue;")
}
