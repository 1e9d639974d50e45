package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// snapshot is what a refused Open must leave untouched: the file's bytes and the names
// and sizes of everything beside it (so a -wal or -shm created by the attempt shows).
type snapshot struct {
	data  []byte
	files []string
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	var s snapshot
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		if s.data, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	es, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		s.files = append(s.files, e.Name())
	}
	return s
}

// caseloadFile makes a closed caseload database with n referrals (several pages' worth).
func caseloadFile(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Create(context.Background(), path, t0)
	if err != nil {
		t.Fatal(err)
	}
	batch := referralsN(n)
	if _, err := s.AddReferrals(context.Background(), "test", t0, batch); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// rawExec runs statements on the file through a plain connection, as another program
// (or an attacker with the file) would.
func rawExec(t *testing.T, dsnQuery, path string, stmts ...string) {
	t.Helper()
	d, err := dsn(path, dsnQuery)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// SQLite makes the file with the umask's mode (0644); a database made by a binary is
	// private, and Open refuses one open to every account.
	if err := os.Chmod(path, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}

// scribble overwrites n bytes at off with random bytes.
func scribble(t *testing.T, path string, off int64, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string) (cleanup func())
		want  error
		says  string
	}{
		{"missing path", func(t *testing.T, path string) func() { return nil }, ErrNoDatabase, "caseload init --db"},
		{"text file", func(t *testing.T, path string) func() {
			if err := os.WriteFile(path, []byte("name,nhs\nAda,9990000018\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return nil
		}, ErrNotCaseload, "not an SQLite file"},
		{"empty file", func(t *testing.T, path string) func() {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			return nil
		}, ErrNotCaseload, "empty file"},
		{"folder", func(t *testing.T, path string) func() {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
			return nil
		}, ErrNotCaseload, "folder"},
		{"another application's database", func(t *testing.T, path string) func() {
			rawExec(t, "", path, "CREATE TABLE songs (title TEXT)", "INSERT INTO songs VALUES ('x')")
			return nil
		}, ErrNotCaseload, "another application"},
		{"empty SQLite database", func(t *testing.T, path string) func() {
			rawExec(t, "", path, "PRAGMA user_version = 1")
			return nil
		}, ErrNotCaseload, "empty SQLite database"},
		{"damaged pages, schema to bring forward", func(t *testing.T, path string) func() {
			// A file a migration would write to is checked in full before it opens.
			caseloadFile(t, path, 300)
			rawExec(t, "_pragma=journal_mode(WAL)", path, "PRAGMA user_version = 18")
			scribble(t, path, 2*4096, 3*4096) // pages 3 to 5
			return nil
		}, ErrCorrupt, "damaged"},
		{"damaged header", func(t *testing.T, path string) func() {
			caseloadFile(t, path, 10)
			scribble(t, path, 16, 84) // keeps "SQLite format 3"
			return nil
		}, ErrCorrupt, "damaged"},
		{"newer schema", func(t *testing.T, path string) func() {
			caseloadFile(t, path, 1)
			rawExec(t, "_pragma=journal_mode(WAL)", path, "PRAGMA user_version = 99")
			return nil
		}, ErrTooNew, "newer caseload (schema 99"},
		{"locked by another writer", func(t *testing.T, path string) func() {
			caseloadFile(t, path, 1)
			d, _ := dsn(path, "_pragma=journal_mode(WAL)")
			db, err := sql.Open("sqlite", d)
			if err != nil {
				t.Fatal(err)
			}
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			return func() {
				_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
				conn.Close()
				db.Close()
			}
		}, ErrLocked, "locked by another caseload (waited 100ms)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "case load.db")
			if cleanup := tt.setup(t, path); cleanup != nil {
				defer cleanup()
			}
			before := snap(t, path)
			s, err := Open(context.Background(), path, Options{BusyTimeout: 100 * time.Millisecond})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			var se *Error
			if !errors.Is(err, tt.want) || !errors.As(err, &se) || se.Path != path {
				t.Fatalf("err = %v (%T), want %v in *Error for %s", err, err, tt.want, path)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.says) || strings.Contains(msg, "\n") {
				t.Errorf("message %q should be one line naming %s and saying %q", msg, path, tt.says)
			}
			after := snap(t, path)
			if !bytes.Equal(before.data, after.data) {
				t.Error("the refused file's bytes changed")
			}
			if !slices.Equal(before.files, after.files) {
				t.Errorf("files beside it changed: %v -> %v", before.files, after.files)
			}
		})
	}
}

// A healthy file with a -wal left beside it (a session that has not checkpointed) is
// read through the WAL, so nothing committed there is missed.
func TestOpenReadsThroughWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 1)
	other, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.AddReferral(ctx, "os:bob", t0, minimalReferral()); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rs, err := s.Referrals(ctx)
	if err != nil || len(rs) != 2 {
		t.Fatalf("Referrals = %d, %v; want 2 (one still in the WAL)", len(rs), err)
	}
}
