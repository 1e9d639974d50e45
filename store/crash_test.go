package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A session that died (power cut, kill -9) leaves its -wal, and usually its -shm,
// beside the database, with committed referrals only in the -wal. Open must see them.
func TestOpenAfterCrash(t *testing.T) {
	for _, keepShm := range []bool{true, false} {
		name := "without -shm"
		if keepShm {
			name = "with -shm"
		}
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			live := filepath.Join(dir, "live.db")
			s, err := Create(ctx, live, t0)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.AddReferrals(ctx, "test", t0, referralsN(3)); err != nil {
				t.Fatal(err)
			}
			// Copy the files while the session is still open: what a crash leaves.
			crashed := filepath.Join(dir, "crashed.db")
			suffixes := []string{"", "-wal"}
			if keepShm {
				suffixes = append(suffixes, "-shm")
			}
			for _, suf := range suffixes {
				b, err := os.ReadFile(live + suf)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(crashed+suf, b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			c, err := Open(ctx, crashed, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			rs, err := c.Referrals(ctx)
			if err != nil || len(rs) != 3 {
				t.Fatalf("after the crash: %d referrals, %v; want 3", len(rs), err)
			}
			if err := c.Verify(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}
