package main

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// referralsPages returns the page size and the b-tree pages of the referrals table, root
// first, read with SQLite's dbstat table.
func referralsPages(t *testing.T, db string) (size int64, pages []int64) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+(&url.URL{Path: db}).EscapedPath()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.QueryRow("PRAGMA page_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	rows, err := raw.Query("SELECT pageno FROM dbstat WHERE name = 'referrals' ORDER BY pagetype <> 'internal', pageno")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if err := rows.Err(); err != nil || len(pages) < 2 {
		t.Fatalf("referrals pages %v (%v): the demo should fill more than one", pages, err)
	}
	return size, pages
}

// overwrite writes b at the start of page p (pages count from 1).
func overwrite(t *testing.T, db string, size, p int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(db, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, (p-1)*size); err != nil {
		t.Fatal(err)
	}
}

// A read that meets a damaged page of the referrals table stops with the plain
// "damaged" sentence naming the file, and prints nothing: not half a list, not a
// corrupted value (issue 12, finding 3). The pre-open check (PRAGMA quick_check) reads
// every page before a command prints anything, and the list commands hold the whole
// list before writing it. The app opens such a file, to draw its first frame in the
// same time whatever the file's size, and the check that follows refuses every write.
func TestDamagedPageStopsEveryRead(t *testing.T) {
	for _, tt := range []struct {
		name   string
		damage func(t *testing.T, db string, size int64, pages []int64)
	}{
		{"a leaf's page type", func(t *testing.T, db string, size int64, pages []int64) {
			overwrite(t, db, size, pages[len(pages)/2], []byte{0x01})
		}},
		{"a leaf zeroed", func(t *testing.T, db string, size int64, pages []int64) {
			overwrite(t, db, size, pages[1], make([]byte, size))
		}},
		{"the root scrambled", func(t *testing.T, db string, size int64, pages []int64) {
			b := make([]byte, size)
			r := rand.NewChaCha8([32]byte{12})
			_, _ = r.Read(b)
			overwrite(t, db, size, pages[0], b)
		}},
		{"a leaf's cell pointers scrambled", func(t *testing.T, db string, size int64, pages []int64) {
			overwrite(t, db, size, pages[2], []byte{0x0d, 0, 0, 0, 40, 0xff, 0xf0, 0, 0xff, 0xff, 0x12, 0x34, 0xee, 0xee})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := tempDB(t)
			demoDB(t, db)
			size, pages := referralsPages(t, db)
			tt.damage(t, db, size, pages)
			for _, args := range [][]string{
				{"referrals", "list"},
				{"referrals", "list", "--format", "json"},
				{"referrals", "list", "--format", "csv"},
				{"cases", "list"},
				{"verify"},
			} {
				r := caseload(t, nil, append(args, "--db", db)...)
				if r.code != exitWrong || r.stdout != "" || !strings.HasPrefix(r.stderr, "caseload: "+db+" is damaged (") ||
					!strings.HasSuffix(r.stderr, "): restore it from a backup\n") {
					t.Errorf("%s: exit %d\nstdout %q\nstderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
				}
			}
			if st, err := store.OpenReadOnly(context.Background(), db, store.Options{}); !errors.Is(err, store.ErrCorrupt) {
				if err == nil {
					st.Close()
				}
				t.Errorf("store.OpenReadOnly: %v, want ErrCorrupt", err)
			}
			// The app's Open costs the same whatever the file's size, so it leaves the
			// full check to the background: its verdict is the same refusal, and every
			// write waits for it (H31; the app's status line: tui's
			// TestDamagedFileIsSaidAfterTheFirstFrame).
			st, err := store.Open(context.Background(), db, store.Options{})
			if err != nil {
				t.Fatalf("store.Open: %v", err)
			}
			if err := st.Sound(context.Background()); !errors.Is(err, store.ErrCorrupt) ||
				!strings.HasPrefix(err.Error(), db+" is damaged (") {
				t.Errorf("store.Open's check: %v, want ErrCorrupt in the plain sentence", err)
			}
			if err := st.RecordSafetyCheck(context.Background(), "os:test", time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), domain.SafetyCheck{Kind: domain.SafetyVerify, OK: true}); !errors.Is(err, store.ErrCorrupt) {
				t.Errorf("a write to the damaged file: %v, want ErrCorrupt", err)
			}
			st.Close()
		})
	}
}

// Damage that appears after the pre-open check (the disk failing while the file is
// open) is met by the read itself, which stops with the same sentence and returns no
// rows, so a list command has nothing half-read to print.
func TestDamageAfterOpenStopsTheRead(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	size, pages := referralsPages(t, db)
	ctx := context.Background()
	for name, open := range map[string]func(context.Context, string, store.Options) (*store.Store, error){
		"Open": store.Open, "OpenReadOnly": store.OpenReadOnly,
	} {
		t.Run(name, func(t *testing.T) {
			copyDB := tempDB(t)
			b, err := os.ReadFile(db)
			if err == nil {
				err = os.WriteFile(copyDB, b, 0o600)
			}
			if err != nil {
				t.Fatal(err)
			}
			st, err := open(ctx, copyDB, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			overwrite(t, copyDB, size, pages[len(pages)-1], make([]byte, size))
			rs, err := st.Referrals(ctx)
			if !errors.Is(err, store.ErrCorrupt) || len(rs) != 0 ||
				!strings.HasPrefix(err.Error(), copyDB+" is damaged (") || !strings.HasSuffix(err.Error(), "): restore it from a backup") {
				t.Errorf("%d referrals, err %v; want none and ErrCorrupt in the plain sentence", len(rs), err)
			}
		})
	}
}
