package store

import (
	"context"
	"testing"
)

// This file lends the package's own helpers to its external benchmarks
// (search_bench_test.go), which use internal/benchdb: benchdb imports store, so only
// a test of package store_test may import it.

// BuildSearchNotes writes at path a database of notes signed by one clinician (id 1),
// round robin over 1,000 cases, about 60 words each from the package's benchmark
// vocabulary (bench_text_test.go), contacts an hour apart running forward.
func BuildSearchNotes(tb testing.TB, path string, notes int) {
	tb.Helper()
	s, err := Create(context.Background(), path, t0)
	if err != nil {
		tb.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			tb.Fatal(err)
		}
	}()
	ali := mustClinician(tb, s, "Dr Ali", true)
	seedSignedNotes(tb, s, ali, seedCases(tb, s, ali, 1_000), notes, 60, "")
}

// CountMatches is how many notes hold every word of query.
func CountMatches(s *Store, query string) (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM notes_search WHERE notes_search MATCH ?", ftsQuery(query)).Scan(&n)
	return n, err
}
