package queue

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
)

// A colleague switching the service to 2 working days re-times every clock in the open
// queue on the change broadcast, in the same words (docs/RULES.md, "Screening
// deadline").
func TestColleaguesDeadlineSettingRetimesTheQueue(t *testing.T) {
	d, m, other := twoWindows(t, 120, 40)
	// One whose deadline moves: received before a weekend.
	r := downTo(t, d, m, func(r *row) bool {
		return received(r) && domain.ScreeningDue(r.received, domain.Deadline2WorkingDays) != r.clock.DueAt
	})
	id := r.id
	hours := r.clock.Text()
	if row := cursorRow(d.Screen()); !strings.Contains(row, hours) {
		t.Fatalf("the row under the cursor is %q, want %q", row, hours)
	}
	if _, err := other.SetSetting(context.Background(), "clinician:1", testNow, "screening-deadline", "2-working-days"); err != nil {
		t.Fatal(err)
	}
	d.Send(changed)
	got := selected(t, m)
	days := got.clock.Text()
	if got.id != id || got.clock.Rule != domain.Deadline2WorkingDays || days == hours {
		t.Fatalf("cursor on %d under %q reading %q; want %d under 2-working-days, not %q", got.id, got.clock.Rule, days, id, hours)
	}
	if row := cursorRow(d.Screen()); !strings.Contains(row, days) ||
		!(strings.HasPrefix(days, "due in ") || strings.HasPrefix(days, "overdue by ")) {
		t.Errorf("the row under the cursor is %q, want %q", row, days)
	}
	for _, row := range m.list.Rows() {
		if row.clock.Rule != domain.Deadline2WorkingDays {
			t.Fatalf("referral %d still timed under %q", row.id, row.clock.Rule)
		}
	}
}
