package store

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The pathway benchmarks share one database, built once a run through the store's own
// writes and kept as bytes; each benchmark opens its own copy in its temp folder.
var (
	pathwayOnce sync.Once
	pathwayFile []byte
)

// pathwayToday is the London day of t0.
var pathwayToday = ident.DateOf(t0.In(clock.London()))

// pathwayStore opens a copy of a database of 20,000 referrals (demo.ManyReferrals, so
// about 5,700 wait for their consultation), 1,000 open cases in every phase of the
// pathway with 800 release date changes, and 3,000 forum meetings spread over the
// year before and two months after t0.
func pathwayStore(b *testing.B) *Store {
	b.Helper()
	pathwayOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pathway-bench-")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		start := time.Now()
		path := filepath.Join(dir, "pathway.db")
		buildPathway(b, path)
		if pathwayFile, err = os.ReadFile(path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built the pathway database (%d MB) in %s", len(pathwayFile)>>20, time.Since(start).Round(time.Millisecond))
	})
	if len(pathwayFile) == 0 {
		b.Fatal("the pathway database was not built")
	}
	path := filepath.Join(b.TempDir(), "pathway.db")
	if err := os.WriteFile(path, pathwayFile, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// buildPathway writes the database at path and closes it.
func buildPathway(b *testing.B, path string) {
	ctx := context.Background()
	s, err := Create(ctx, path, t0)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	refs := demo.ManyReferrals(t0, 20_000)
	if _, err := s.AddReferrals(ctx, "bench", t0, refs); err != nil {
		b.Fatal(err)
	}
	var clinicians []int64
	for _, c := range demo.Clinicians() {
		id, err := s.AddClinician(ctx, "bench", t0, c)
		if err != nil {
			b.Fatal(err)
		}
		clinicians = append(clinicians, id)
	}
	cases := demo.ManyCases(pathwayToday, clinicians, refs, 1_000)
	ids, err := s.ImportCases(ctx, "bench", t0, cases)
	if err != nil {
		b.Fatal(err)
	}
	for i, id := range ids {
		if len(cases[i].Release.Dates) == 0 {
			continue
		}
		e := cases[i].Release.Dates[0]
		// Moved, then confirmed.
		moved := domain.ReleaseDate{Date: e.Date.AddDays(7 + 7*(i%5)), Kind: e.Kind}
		for k, to := range []domain.ReleaseDate{moved, {Date: moved.Date, Kind: domain.ReleaseConfirmed, Confirmed: true}} {
			if _, err := s.ChangeRelease(ctx, "bench", t0.AddDate(0, 0, k-30+i%25), id, to, "Parole hearing moved."); err != nil {
				b.Fatalf("case %d: %v", id, err)
			}
		}
	}
	for i := range 3_000 {
		if _, err := s.RecordForumMeeting(ctx, "bench", t0, demo.ManyMeeting(ids[i%len(ids)], pathwayToday, i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCasesOnPathway1000 reads the 1,000 open cases with their release facts and
// history, as the countdowns screen loads them.
func BenchmarkCasesOnPathway1000(b *testing.B) {
	s := pathwayStore(b)
	b.ReportAllocs()
	for b.Loop() {
		cs, err := s.CasesOnPathway(context.Background())
		if err != nil || len(cs) != 1_000 {
			b.Fatalf("%d cases, %v", len(cs), err)
		}
	}
}

// BenchmarkAgendaFacts reads what the home screen's agenda is built from, for the first
// clinician on t0's day: running clocks, the referrals awaiting consultation, every open
// case, the forum meetings around today and the clinician's drafts.
func BenchmarkAgendaFacts(b *testing.B) {
	s := pathwayStore(b)
	var f domain.AgendaFacts
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if f, err = s.AgendaFacts(context.Background(), 1, t0); err != nil || len(f.Cases) != 1_000 {
			b.Fatalf("%d cases, %v", len(f.Cases), err)
		}
	}
	b.ReportMetric(float64(len(f.Unscreened)), "unscreened")
	b.ReportMetric(float64(len(f.ToConsult)), "to-consult")
	b.ReportMetric(float64(len(f.Meetings)), "meetings")
}

// BenchmarkForumMeetingsBetween reads the meetings of the next four weeks with their
// actions, people and clinicians.
func BenchmarkForumMeetingsBetween(b *testing.B) {
	s := pathwayStore(b)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		ms, err := s.ForumMeetingsBetween(context.Background(), pathwayToday, pathwayToday.AddDays(27))
		if err != nil || len(ms) == 0 {
			b.Fatalf("%d meetings, %v", len(ms), err)
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "meetings")
}

// BenchmarkNextForums reads each open case's next meeting.
func BenchmarkNextForums(b *testing.B) {
	s := pathwayStore(b)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		ms, err := s.NextForums(context.Background(), pathwayToday)
		if err != nil || len(ms) == 0 {
			b.Fatalf("%d meetings, %v", len(ms), err)
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "cases")
}
