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
	path := filepath.Join(t.TempDir(), "caseload.db")
	if err := os.WriteFile(path, demoFile(t, now), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// demos holds the bytes of each demo made in this process, by instant. A test binary
// is one process, and its tests only read the bytes, so nothing outlives it.
var demos sync.Map // time.Time → []byte

func demoFile(t testing.TB, now time.Time) []byte {
	t.Helper()
	if b, ok := demos.Load(now); ok {
		return b.([]byte)
	}
	dir, err := os.MkdirTemp("", "caseload-demo-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "caseload.db")
	st, err := store.Create(context.Background(), path, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Populate(context.Background(), st, "os:test", now); err != nil {
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
	actual, _ := demos.LoadOrStore(now, b)
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
