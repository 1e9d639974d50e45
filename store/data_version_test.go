package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/internal/domain"
)

// Finding 9 of issue 10, the store's half: a commit in another process shows in this
// process's DataVersion within 2 s (polled as the app's tick does), and this process's
// own commits never change it.
func TestDataVersionSeesAnotherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	caseloadFile(t, path, 1)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	version := func() int64 {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	ownCommit := func() {
		t.Helper()
		before := version()
		if _, err := s.AddClinician(ctx, "os:me", t0, domain.Clinician{Name: "Dr Own", Role: "lead", Active: true}); err != nil {
			t.Fatal(err)
		}
		if after := version(); after != before {
			t.Errorf("DataVersion went from %d to %d on this process's own commit", before, after)
		}
	}
	ownCommit()

	before := version()
	w := startWriter(t, path, 1, 0)
	select {
	case _, ok := <-w.commits:
		if !ok {
			t.Fatal(<-w.done)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the writer process did not commit within 30 s")
	}
	// The 2 s start when the other process has committed.
	within := time.After(2 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for version() == before {
		select {
		case <-within:
			t.Fatalf("DataVersion still %d 2 s after another process committed", before)
		case <-tick.C:
		}
	}
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
	ownCommit()
}

// BenchmarkDataVersion is the cost, on each tick of the app, of asking whether anyone
// else has committed.
func BenchmarkDataVersion(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.DataVersion(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
