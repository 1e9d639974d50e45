package home

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
)

// A referral screened by a colleague in another process leaves "to screen" when the
// data changes; the cursor stays on the line it was on, below it.
func TestReferralScreenedElsewhereLeavesTheAgenda(t *testing.T) {
	st := testdb.Demo(t, testNow)
	other := testdb.Another(t, st)
	me := testdb.Clinician(t, st, tom)
	var screening []domain.AgendaItem
	for _, it := range agendaOf(t, st, me, testNow).Items {
		if it.Section == domain.AgendaScreening && it.Open.Kind == domain.OpenReferral {
			screening = append(screening, it)
		}
	}
	if len(screening) < 3 {
		t.Fatalf("%d referrals to screen, want 3 or more", len(screening))
	}
	gone, stay := screening[0], screening[2]
	d, h := drive(t, st, me, 120, 40)
	m := h.Screen.(*Model)
	if !moveTo(d, stay.Text) {
		t.Fatalf("%q is not on the agenda:\n%s", stay.Text, d.Screen())
	}
	if _, err := other.ScreenReferral(context.Background(), "clinician:2", testNow, gone.Open.ID, domain.ScreenedOut,
		"Not for this service: signposted."); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	if strings.Contains(d.Screen(), gone.Text) {
		t.Errorf("%q is still to screen:\n%s", gone.Text, d.Screen())
	}
	if it, _ := m.selected(); it.Open != stay.Open || !strings.Contains(lineOf(d.Screen(), "› "), stay.Text) {
		t.Errorf("cursor on %q, want %q:\n%s", it.Text, stay.Text, d.Screen())
	}
}
