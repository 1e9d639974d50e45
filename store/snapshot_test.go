package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A snapshot taken while another process keeps committing is a whole database: it
// verifies, and holds a prefix of the writer's commits with its chain ending where
// ChainHead says.
func TestSnapshotWhileAnotherProcessWrites(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	w := startWriter(t, s.Path(), 300, 0)
	for n := range w.commits {
		if n == 50 {
			break
		}
	}
	dir := t.TempDir()
	var snaps []string
	for i := range 3 {
		dst := filepath.Join(dir, "snap"+string(rune('a'+i))+".db")
		if err := s.Snapshot(ctx, dst); err != nil {
			t.Fatalf("snapshot %d: %v", i, err)
		}
		snaps = append(snaps, dst)
	}
	for range w.commits {
	}
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	for _, dst := range snaps {
		fi, err := os.Stat(dst)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: mode %v (%v), want 0600", dst, fi.Mode().Perm(), err)
		}
		snap, err := OpenReadOnly(ctx, dst, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := snap.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
		if err := snap.Verify(ctx); err != nil {
			t.Errorf("%s: %v", dst, err)
		}
		head, err := snap.ChainHead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := int64(count(t, snap, "audit")); head.Entry != n || len(head.Database) != 64 || len(head.Hash) != 64 {
			t.Errorf("head %+v with %d entries", head, n)
		}
		hash, ok, err := snap.AuditHash(ctx, head.Entry)
		if err != nil || !ok || hash != head.Hash {
			t.Errorf("AuditHash(%d) = %q %v %v, want the head's hash", head.Entry, hash, ok, err)
		}
		if _, ok, err := snap.AuditHash(ctx, head.Entry+1); ok || err != nil {
			t.Errorf("AuditHash past the end: %v %v", ok, err)
		}
		first, _, _ := snap.AuditHash(ctx, 1)
		if first != head.Database {
			t.Errorf("database %s is not entry 1's hash %s", head.Database, first)
		}
		_ = snap.Close()
	}
}

func TestSnapshotNeverOverwrites(t *testing.T) {
	s := newStore(t)
	dst := filepath.Join(t.TempDir(), "there.db")
	if err := os.WriteFile(dst, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := s.Snapshot(context.Background(), dst)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("got %v, want a refusal because the file exists", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "mine" {
		t.Fatal("the existing file was changed")
	}
}

// An index that no longer agrees with its table, as after a damaged page, is named.
func TestIntegrityCheckNamesADamagedIndex(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("a sound file failed: %v", err)
	}
	path := s.Path()
	_ = s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA writable_schema=ON",
		"UPDATE sqlite_schema SET sql = 'CREATE INDEX audit_entity ON audit (entity_id, entity)' WHERE name = 'audit_entity'"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	_ = db.Close()
	s2, err := OpenReadOnly(ctx, path, Options{})
	if err != nil {
		t.Skipf("the damage was caught on open: %v", err)
	}
	defer s2.Close()
	err = s2.IntegrityCheck(ctx)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "audit_entity") {
		t.Fatalf("got %v, want the damaged index named", err)
	}
}

func TestHoldings(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if _, err := s.AddReferrals(ctx, "os:alice", t0, referralsN(3)); err != nil {
		t.Fatal(err)
	}
	h, err := s.Holdings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h.Referrals != 3 || h.People != 3 || h.Cases != 0 || h.AuditEntries != int64(count(t, s, "audit")) {
		t.Errorf("holdings %+v", h)
	}
	if h.LastChange.Actor != "os:alice" || !h.LastChange.At.Equal(t0) || h.LastChange.ID != h.AuditEntries {
		t.Errorf("last change %+v", h.LastChange)
	}
}
