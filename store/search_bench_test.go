package store_test

import (
	"context"
	"testing"
	"time"

	"caseload/internal/benchdb"
	"caseload/store"
)

// searchBenchName names the million notes of BenchmarkSearchMillionNotes in the
// benchmarks' cache: raise its version when BuildSearchNotes writes something else.
const searchBenchName = "store-search-v2-n1000000"

// BenchmarkSearchMillionNotes searches a database of 1,000,000 signed notes (1,000
// cases of 1,000 notes, about 60 words each from the store's benchmark vocabulary,
// written forward in time) for two words, best 20 first, and reports the median and
// 99th percentile of a search beside the mean, the process's CPU time a search (which
// the machine's load moves less), and how many notes hold both words.
// The database is built once (about two minutes) and kept in the benchmarks' cache
// (internal/benchdb); skipped with -short. A search costs about the same however
// common its words: it ranks the newest searchWindow matches (search_window.go).
func BenchmarkSearchMillionNotes(b *testing.B) {
	ctx := context.Background()
	path := benchdb.Cached(b, searchBenchName, func(path string) error {
		store.BuildSearchNotes(b, path, 1_000_000)
		return nil
	})
	s, err := store.OpenReadOnly(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const ali = 1 // the builder's one clinician
	for _, q := range []struct{ name, query string }{
		{"rare", "nightmares hostel"},       // both in 8,455 notes
		{"mid", "sleep alcohol"},            // both in 25,599
		{"common", "discussed probation"},   // both in 85,710
		{"none", "nightmares kaleidoscope"}, // a word no note holds
	} {
		b.Run(q.name, func(b *testing.B) {
			matches, err := store.CountMatches(s, q.query)
			if err != nil {
				b.Fatal(err)
			}
			var tm benchdb.Timings
			b.ReportAllocs()
			cpu, _ := processCPU()
			for b.Loop() {
				var rs []store.SearchResult
				tm.Time(func() { rs, err = s.Search(ctx, ali, q.query, 20) })
				if err != nil || len(rs) != min(matches, 20) {
					b.Fatalf("%d results, %v", len(rs), err)
				}
			}
			// After the loop, which resets the metrics reported before it.
			b.ReportMetric(float64(matches), "matches")
			tm.Report(b)
			if now, ok := processCPU(); ok {
				b.ReportMetric(float64(now-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
