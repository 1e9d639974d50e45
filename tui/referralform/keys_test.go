package referralform

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

func openNew(t *testing.T) (*tuitest.Driver, *domain.ReferralInput) {
	t.Helper()
	st, me := testdb.NoCases(t, testNow)
	in := &domain.ReferralInput{ReceivedAt: "2026-11-24 09:00"}
	d, _ := tuitest.Open(t, newForm(tuitest.Session(testNow, me), st, in), 100, 40)
	return d, in
}

// Finding 7 in the referral form: "risk", ←, alt+d crashed the app and lost the form.
func TestAltDDoesNotCrash(t *testing.T) {
	d, in := openNew(t)
	d.Type("risk").Keys("left alt+d")
	if in.GivenName != "ris" {
		t.Errorf("given name %q, want ris", in.GivenName)
	}
	d.Type("e").Keys("enter").Type("Smith")
	if in.GivenName != "rise" || in.FamilyName != "Smith" {
		t.Errorf("typing on: given %q, family %q", in.GivenName, in.FamilyName)
	}
}

// A name pasted with its line break stays in its field, on one line: the paste is not an
// enter that would move on.
func TestPastedNameStaysInItsField(t *testing.T) {
	d, in := openNew(t)
	d.Send(tea.PasteMsg{Content: "Ada\n"}).Send(tea.PasteMsg{Content: "Mary\r\n"})
	if in.GivenName != "AdaMary" || in.FamilyName != "" {
		t.Errorf("given %q, family %q", in.GivenName, in.FamilyName)
	}
	if !strings.Contains(d.Screen(), "AdaMary") {
		t.Errorf("the paste is not shown:\n%s", d.Screen())
	}
}
