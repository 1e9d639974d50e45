package store

import (
	"context"
	"path/filepath"
	"testing"
)

// Two databases made in the same second are two databases to the checkpoints: their
// first entries, whose hash names them, differ.
func TestDatabasesMadeInTheSameSecondHaveTheirOwnNames(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var names []string
	for _, f := range []string{"a.db", "b.db"} {
		s, err := Create(ctx, filepath.Join(dir, f), t0)
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.ChainHead(ctx)
		_ = s.Close()
		if err != nil || h.Entry != 1 || h.Database != h.Hash || len(h.Database) != 64 {
			t.Fatalf("head %+v (%v)", h, err)
		}
		names = append(names, h.Database)
	}
	if names[0] == names[1] {
		t.Fatal("two databases made at t0 have the same name")
	}
}
