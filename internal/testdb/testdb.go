// Package testdb gives tests a real caseload database: a file in the test's temporary
// folder, created with the real migrations and filled with the demo through the same
// store calls as real use, closed when the test ends. Screen tests use it so that no
// fake can drift from the store.
package testdb

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/store"
)

// Demo is a database holding the demo clinicians, referrals, decisions and case
// records, as they stand at now: its own file, a copy of the demo this test binary
// made for now through the store's own calls. The demo is deterministic for a given
// instant, so every test gets the same records it would have made itself; made once a
// process, it spares each of the suite's hundreds of demo tests a quarter of a second.
func Demo(t testing.TB, now time.Time) *store.Store {
	t.Helper()
	return copyOf(t, made(t, &demos, now, func(st *store.Store) error {
		_, err := demo.Populate(context.Background(), st, "os:test", now)
		return err
	}))
}

// copyOf opens a file of its own in the test's temporary folder holding b.
func copyOf(t testing.TB, b []byte) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// demos and empties hold the bytes of each database made in this process, by instant.
// A test binary is one process, and its tests only read the bytes, so nothing outlives
// it.
var demos, empties sync.Map // time.Time → []byte

// made is the bytes of the database Create makes at now, filled by fill, made once a
// process for each instant.
func made(t testing.TB, cache *sync.Map, now time.Time, fill func(*store.Store) error) []byte {
	t.Helper()
	if b, ok := cache.Load(now); ok {
		return b.([]byte)
	}
	dir, err := os.MkdirTemp("", "caseload-testdb-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "caseload.db")
	st, err := store.Create(context.Background(), path, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := fill(st); err != nil {
		st.Close()
		t.Fatal(err)
	}
	// Closing checkpoints the WAL: the file alone is the whole database.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	actual, _ := cache.LoadOrStore(now, b)
	return actual.([]byte)
}

// Clinician is the clinician of st with this name.
func Clinician(t testing.TB, st *store.Store, name string) domain.Clinician {
	t.Helper()
	cs, err := st.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no clinician %q", name)
	return domain.Clinician{}
}

// Another is a second handle on st's file, as a colleague's session or another window
// holds it: what it commits, st sees only as another process's change.
func Another(t testing.TB, st *store.Store) *store.Store {
	t.Helper()
	other, err := store.Open(context.Background(), st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}
