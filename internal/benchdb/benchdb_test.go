package benchdb

import (
	"context"
	"os"
	"testing"
	"time"

	"caseload/store"
)

// TestSmallFixture builds a small fixture of each kind in a temporary cache and reads
// back what it promises: the referrals (all unscreened when imported), the cases and
// the notes, the notes found by search; a second call reuses the file.
func TestSmallFixture(t *testing.T) {
	t.Setenv("CASELOAD_BENCH_CACHE", t.TempDir())
	ctx := context.Background()
	for _, f := range []Fixture{{Referrals: 40}, {Referrals: 40, Imported: true}, {Referrals: 60, Cases: 20, Notes: 300}} {
		t.Run(f.Name(), func(t *testing.T) {
			path := File(t, f)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if again := File(t, f); again != path {
				t.Fatalf("built again at %s", again)
			} else if fi2, _ := os.Stat(again); !fi2.ModTime().Equal(fi.ModTime()) {
				t.Fatal("the cached file was rewritten")
			}
			st, err := store.OpenReadOnly(ctx, Copy(t, f), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			rs, err := st.Referrals(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != f.Referrals {
				t.Fatalf("%d referrals, want %d", len(rs), f.Referrals)
			}
			unscreened := 0
			for _, r := range rs {
				if r.ScreenedAt.IsZero() {
					unscreened++
				}
			}
			if f.Imported && unscreened != len(rs) {
				t.Fatalf("%d of %d imported referrals unscreened", unscreened, len(rs))
			}
			if !f.Imported && unscreened == len(rs) {
				t.Fatal("every referral of a mixed fixture is unscreened")
			}
			if f.Notes == 0 {
				return
			}
			hits, err := st.Search(ctx, 1, "discussed probation", 20)
			if err != nil || len(hits) != 20 {
				t.Fatalf("%d hits, %v", len(hits), err)
			}
			none, err := st.Search(ctx, 1, "kaleidoscope", 20)
			if err != nil || len(none) != 0 {
				t.Fatalf("%d hits for a word in no note, %v", len(none), err)
			}
		})
	}
}

// Percentiles by nearest rank: of 1..100 ms the median is 50 and the 99th is 99; of
// one time, that time.
func TestTimingsPercentile(t *testing.T) {
	var tm Timings
	for i := 100; i >= 1; i-- {
		tm.Add(time.Duration(i) * time.Millisecond)
	}
	for _, tt := range []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {0, time.Millisecond}} {
		if got := tm.Percentile(tt.p); got != tt.want {
			t.Errorf("p%v = %s, want %s", tt.p, got, tt.want)
		}
	}
	var one Timings
	one.Add(7 * time.Millisecond)
	if got := one.Percentile(99); got != 7*time.Millisecond {
		t.Errorf("one time's p99 = %s", got)
	}
}
