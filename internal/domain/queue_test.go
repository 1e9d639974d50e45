package domain

import (
	"testing"
	"time"
)

func TestSortForQueue(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	ago := func(h float64) time.Time { return now.Add(-time.Duration(h * float64(time.Hour))) }
	ref := func(id int64, received time.Time, screenedAfter time.Duration) Referral {
		r := Referral{ID: id, ReceivedAt: received}
		if screenedAfter > 0 {
			r.ScreenedAt = received.Add(screenedAfter)
		}
		return r
	}
	rs := []Referral{
		ref(1, ago(100), 10*time.Hour), // screened, older
		ref(2, ago(1), 0),              // due in 47h
		ref(3, ago(60), 0),             // overdue by 12h
		ref(4, ago(30), time.Hour),     // screened, newer
		ref(5, ago(90), 0),             // overdue by 42h
		ref(6, ago(40), 0),             // due in 8h
		ref(7, ago(40), 0),             // same time as 6: id breaks the tie
	}
	SortForQueue(rs, now)
	var got []int64
	for _, r := range rs {
		got = append(got, r.ID)
	}
	want := []int64{5, 3, 6, 7, 2, 4, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
