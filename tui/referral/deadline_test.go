package referral

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The facts name the deadline rule when the service has chosen 2 working days, so a
// "Screen by" later than a colleague expects explains itself; the default says nothing.
func TestScreenBySaysWorkingDays(t *testing.T) {
	st := testdb.Demo(t, testNow)
	waiting, err := st.UnscreenedReferrals(context.Background())
	if err != nil || len(waiting) == 0 {
		t.Fatalf("%d referrals waiting, %v", len(waiting), err)
	}
	m := New(tuitest.Session(testNow, testdb.Clinician(t, st, "Dr Tom Halliwell")), st, waiting[0].ID)
	d, _ := tuitest.Open(t, m, 120, 40)
	if line := screenBy(d.Screen()); line == "" || strings.Contains(line, "(") {
		t.Fatalf("under 48 hours the line is %q:\n%s", line, d.Screen())
	}
	if _, err := testdb.Another(t, st).SetSetting(context.Background(), "clinician:1", testNow, "screening-deadline", "2-working-days"); err != nil {
		t.Fatal(err)
	}
	d.Send(common.DataChangedMsg{})
	want := domain.ScreeningDue(waiting[0].ReceivedAt, domain.Deadline2WorkingDays)
	if line := screenBy(d.Screen()); !strings.Contains(line, common.MediumTime(want, clock.London())+" (2 working days)") {
		t.Errorf("under 2 working days the line is %q, want %s (2 working days)", line, common.MediumTime(want, clock.London()))
	}
}

// screenBy is the facts' "Screen by" line.
func screenBy(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, "Screen by"); i >= 0 {
			return l[i:]
		}
	}
	return ""
}
