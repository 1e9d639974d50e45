package store

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// holdWriteLock takes the write lock in another handle, as a colleague's long write
// would, until the test ends.
func holdWriteLock(t *testing.T, path string) {
	t.Helper()
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
	t.Cleanup(func() {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
		db.Close()
	})
}

// A read-only store reads one snapshot, takes no write lock and waits for none, and
// refuses to write.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 3)
	other, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	// With the write lock held elsewhere, opening to read does not wait for it: a
	// busy timeout of a minute would show as a test that takes a minute.
	holdWriteLock(t, path)
	done := make(chan error, 1)
	var ro *Store
	go func() {
		var err error
		ro, err = OpenReadOnly(ctx, path, Options{BusyTimeout: time.Minute})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OpenReadOnly waited for the write lock")
	}
	defer ro.Close()
	rs, err := ro.Referrals(ctx)
	if err != nil || len(rs) != 3 {
		t.Fatalf("Referrals = %d, %v; want 3", len(rs), err)
	}
	// Reads that take their own read transaction run inside the snapshot.
	if err := ro.Verify(ctx); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if _, err := ro.Search(ctx, 0, "anything", 10); err != nil {
		t.Fatalf("Search: %v", err)
	}
	_, err = ro.AddReferral(ctx, "os:ro", t0, minimalReferral())
	wantErr(t, "writing through a read-only store", err, "open to read only", ErrReadOnly)
	if _, err := ro.Referrals(ctx); err != nil {
		t.Fatalf("reading after a refused write: %v", err)
	}
}

// What another session commits after the read-only open is not seen: every read
// agrees with the first.
func TestOpenReadOnlySnapshot(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 2)
	ro, err := OpenReadOnly(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if rs, err := ro.Referrals(ctx); err != nil || len(rs) != 2 {
		t.Fatalf("Referrals = %d, %v", len(rs), err)
	}
	w, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.AddReferral(ctx, "os:bob", t0, minimalReferral()); err != nil {
		t.Fatal(err)
	}
	if n, err := ro.CountReferrals(ctx); err != nil || n != 2 {
		t.Errorf("CountReferrals after another session's commit = %d, %v; want the snapshot's 2", n, err)
	}
	if n, err := w.CountReferrals(ctx); err != nil || n != 3 {
		t.Errorf("the writer's own count = %d, %v", n, err)
	}
}

// A file OpenReadOnly refuses is left as it was, in the same words as Open; an older
// schema is refused rather than brought forward.
func TestOpenReadOnlyRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  error
		says  string
	}{
		{"missing", func(*testing.T, string) {}, ErrNoDatabase, "caseload init --db"},
		{"another application's", func(t *testing.T, path string) {
			rawExec(t, "", path, "CREATE TABLE songs (title TEXT)")
		}, ErrNotCaseload, "another application"},
		{"damaged", func(t *testing.T, path string) {
			caseloadFile(t, path, 300)
			scribble(t, path, 2*4096, 3*4096)
		}, ErrCorrupt, "damaged"},
		{"newer", func(t *testing.T, path string) {
			caseloadFile(t, path, 1)
			rawExec(t, "_pragma=journal_mode(WAL)", path, "PRAGMA user_version = 99")
		}, ErrTooNew, "newer caseload (schema 99"},
		{"older", func(t *testing.T, path string) {
			if err := atVersion(t, path, len(migrations())-1).Close(); err != nil {
				t.Fatal(err)
			}
		}, ErrOldSchema, "open it once with caseload --db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "case load.db")
			tt.setup(t, path)
			before := snap(t, path)
			s, err := OpenReadOnly(context.Background(), path, Options{})
			if err == nil {
				s.Close()
				t.Fatal("OpenReadOnly succeeded")
			}
			wantErr(t, tt.name, err, tt.says, tt.want)
			if !strings.Contains(err.Error(), path) {
				t.Errorf("%q does not name %s", err, path)
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
