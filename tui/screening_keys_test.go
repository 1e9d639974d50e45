package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// A referral not on Today is screened in at most 12 keys and the typed reason: found
// with the queue's filter, opened by the filter's one match, screened out with a reason
// and recorded (docs/RULES.md, "Screening quickly"). The keys are counted as they are
// sent; the reason's letters are the person's words, not counted.
func TestScreeningInTwelveKeys(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d := tuitest.New(t, newApp(t, st), 100, 30)
	today := d.Screen()
	waiting, err := st.UnscreenedReferrals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var minh domain.Referral
	for _, r := range waiting {
		if r.Person.GivenName == "Minh" {
			minh = r
		}
	}
	if minh.ID == 0 || strings.Contains(today, "Minh") {
		t.Fatalf("the demo no longer has Minh waiting and off Today; pick another referral:\n%s", today)
	}
	keys := 0
	press := func(ks string) {
		keys += len(strings.Fields(ks))
		d.Keys(ks)
	}
	press("r / m i n h enter")
	if s := d.Screen(); !strings.Contains(s, "Referral · Minh") || !strings.Contains(s, minh.Reason[:30]) {
		t.Fatalf("the filter's one match did not open with its reason in sight:\n%s", s)
	}
	press("s right enter")
	reason := "Resettling outside Lancashire and Cumbria on the POM's latest plan."
	d.Type(reason)
	press("enter y")
	if keys > 12 {
		t.Errorf("screening took %d keys and the reason, want at most 12", keys)
	}
	dec, ok, err := st.Screening(context.Background(), minh.ID)
	if err != nil || !ok || dec.Outcome != domain.ScreenedOut || dec.Reason != reason {
		t.Fatalf("screening %+v, %v, %v:\n%s", dec, ok, err, d.Screen())
	}
}
