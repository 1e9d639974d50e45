package queue

import (
	"testing"
	"time"

	"caseload/internal/domain"
)

// A deadline on a weekend or a bank holiday is marked in a word (docs/RULES.md,
// "Screening deadline").
func TestDeadlineOnAnOffDayIsMarked(t *testing.T) {
	now := time.Date(2026, 12, 24, 16, 0, 0, 0, time.UTC)
	refs := []domain.Referral{
		{ID: 1, Status: domain.StatusReceived, ReceivedAt: time.Date(2026, 12, 24, 15, 0, 0, 0, time.UTC)}, // due Sat 26th
		{ID: 2, Status: domain.StatusReceived, ReceivedAt: time.Date(2026, 12, 23, 15, 0, 0, 0, time.UTC)}, // due Christmas Day
		{ID: 3, Status: domain.StatusReceived, ReceivedAt: time.Date(2026, 12, 22, 15, 0, 0, 0, time.UTC)}, // due Thu 24th
	}
	want := map[int64]string{1: "Sat", 2: "bank hol", 3: ""}
	for _, r := range buildRows(refs, now) {
		if r.offDay != want[r.id] {
			t.Errorf("referral %d: %q, want %q", r.id, r.offDay, want[r.id])
		}
	}
}
