package referral

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// A referral recorded as a possible duplicate names the person it may be under its
// name, to check before screening (issue 11, finding 7).
func TestPossibleDuplicateShows(t *testing.T) {
	st := testdb.Demo(t, testNow)
	ctx := context.Background()
	dob := ident.MustDate(1990, time.February, 3)
	add := func(given string) int64 {
		r := domain.Referral{Person: domain.Person{GivenName: given, FamilyName: "Brennan", DateOfBirth: dob},
			Source: domain.SourceSelf, ReceivedAt: testNow.Add(-time.Hour)}
		id, _, err := st.AddReferralMatched(ctx, "test", testNow, r)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	add("Aoife")
	id := add("Eve")
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	m := New(tuitest.Session(testNow, me), st, id)
	tuitest.Open(t, m, 120, 40)
	all := strings.Join(m.body(), "\n")
	if !strings.Contains(all, "Duplicate?") || !strings.Contains(all, "possibly the same person as Aoife") {
		t.Errorf("the possible duplicate does not show:\n%s", all)
	}
}
