package queue

import (
	"slices"
	"testing"
)

// The queue speaks as the shared list screen does: its name and how many wait, then
// the referral under the cursor in words; a filter is said too.
func TestQueueSpeech(t *testing.T) {
	d, m, _ := twoWindows(t, 120, 40)
	want := []string{"Referral queue, 15 awaiting screening, 5 overdue, 40 referrals in all; you have 1 unsigned draft note.",
		"1 of 40: Liam McAllister, overdue by 5 days 5 hours, not yet screened, eligibility incomplete."}
	if got := m.Speech(); !slices.Equal(got, want) {
		t.Errorf("speech\n%q\nwant\n%q", got, want)
	}
	d.Keys("/").Type("minh")
	if got := m.Speech(); len(got) != 3 || got[1] != `Filtered by "minh": 1 of 40 match.` {
		t.Errorf("filtered speech %q", got)
	}
}
