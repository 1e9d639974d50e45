package caseview

import (
	"context"
	"slices"

	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// An imported case whose person may be someone already held says so on its summary, and
// d opens the referral that stands for it, where the two are shown and the question is
// answered (docs/RULES.md, "Possible duplicates").
func TestImportedPossibleDuplicateIsAsked(t *testing.T) {
	st := testdb.Demo(t, testNow)
	ctx := context.Background()
	waiting, err := st.UnscreenedReferrals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var held domain.Person
	for _, r := range waiting {
		if !r.Person.DateOfBirth.IsZero() {
			held = r.Person
			break
		}
	}
	if held.ID == 0 {
		t.Fatal("no referral waiting has a date of birth")
	}
	ids, err := st.ImportCases(ctx, "os:test", testNow, []domain.ImportedCase{{
		Person:     domain.Person{GivenName: "Jo", FamilyName: held.FamilyName, DateOfBirth: held.DateOfBirth},
		AcceptedOn: ident.MustDate(2026, 10, 1),
	}})
	if err != nil {
		t.Fatal(err)
	}
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	m := New(tuitest.Session(testNow, me), st, ids[0], TabSummary)
	d, h := tuitest.Open(t, m, 120, 40)
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Duplicate? possibly the same person as someone already held") {
		t.Fatalf("the summary does not ask:\n%s", d.Screen())
	}
	if !slices.ContainsFunc(m.ShortHelp(), func(b key.Binding) bool { return b.Help().Key == "d" }) {
		t.Errorf("the footer does not offer d: %v", m.ShortHelp())
	}
	msg, ok := h.Sends(t, "d").(common.OpenReferralMsg)
	sum, err := st.CaseSummary(ctx, ids[0])
	if err != nil || !ok || msg.ID != sum.Case.ReferralID {
		t.Fatalf("d sent %#v (%v), want the case's referral %d", msg, err, sum.Case.ReferralID)
	}
}
