package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/clock"
	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The home and countdowns benchmarks share one database, built once a run through the
// store and kept as bytes; each benchmark opens its own copy in its temp folder.
var (
	pathwayOnce sync.Once
	pathwayFile []byte
)

// pathwayDatabase is a copy of a big service's database: bigDatabase's 20,000 referrals
// (about 5,700 awaiting their consultation), 1,000 open cases in every phase of the
// pathway with 800 release date changes, and 3,000 forum meetings from a year
// before testNow to two months after. store/pathway_bench_test.go builds the same.
func pathwayDatabase(b *testing.B) string {
	b.Helper()
	pathwayOnce.Do(func() {
		start := time.Now()
		path := bigDatabase(b, 20_000)
		addPathways(b, path)
		var err error
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
	return path
}

// addPathways adds the cases, their release changes and the meetings to the file.
func addPathways(b *testing.B, path string) {
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Clinicians(ctx)
	if err != nil {
		b.Fatal(err)
	}
	today := ident.DateOf(testNow.In(clock.London()))
	var active []int64
	for _, c := range cs {
		if c.Active {
			active = append(active, c.ID)
		}
	}
	cases := demo.ManyCases(today, active, demo.ManyReferrals(testNow, 20_000), 1_000)
	ids, err := st.ImportCases(ctx, "bench", testNow, cases)
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
			if _, err := st.ChangeRelease(ctx, "bench", testNow.AddDate(0, 0, k-30+i%25), id, to, "Parole hearing moved."); err != nil {
				b.Fatalf("case %d: %v", id, err)
			}
		}
	}
	for i := range 3_000 {
		m := demo.ManyMeeting(ids[i%len(ids)], today, i)
		if _, err := st.RecordForumMeeting(ctx, "bench", testNow, m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHomeFirstFrame is opening the app on the big database until its first full
// frame, the home screen with its agenda: open the file (with its safety checks), read
// the agenda's facts, build the agenda, draw, as BenchmarkFirstFrame does for the queue.
// Target: under 150 ms.
func BenchmarkHomeFirstFrame(b *testing.B) {
	path := pathwayDatabase(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := store.Open(ctx, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		app := newApp(b, st)
		app.Update(resize(120, 40))
		for _, cmd := range app.Init()().(tea.BatchMsg) {
			if cmd != nil {
				app.Update(cmd())
			}
		}
		if frame := app.View().Content; !strings.Contains(frame, "release") || !strings.Contains(frame, "forum") {
			b.Fatalf("first frame lacks the agenda:\n%s", frame)
		}
		// Not part of the first frame: closing frees SQLite's page cache, which the
		// agenda's read filled with most of the file.
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkHomeKeystroke is one key press on the loaded home screen of the big database:
// Update and the View of the whole frame. Target: under 1 ms.
func BenchmarkHomeKeystroke(b *testing.B) {
	st, err := store.Open(context.Background(), pathwayDatabase(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := tuitest.New(b, newApp(b, st), 120, 40)
	benchKeys(b, d)
}

// BenchmarkCountdownsKeystroke is one key press on the countdowns of the 1,000 open
// cases, loaded: Update and the View of the whole frame. Target: under 1 ms.
func BenchmarkCountdownsKeystroke(b *testing.B) {
	st, err := store.Open(context.Background(), pathwayDatabase(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := tuitest.New(b, newApp(b, st), 120, 40).Send(common.OpenCountdownsMsg{})
	if frame := d.Model.View().Content; !strings.Contains(frame, "1000 open cases") {
		b.Fatalf("the countdowns are not loaded:\n%s", frame)
	}
	benchKeys(b, d)
}

// benchKeys times j, j, k on the driven app, each with the frame after it.
func benchKeys(b *testing.B, d *tuitest.Driver) {
	keys := []tea.KeyPressMsg{tuitest.Key("j"), tuitest.Key("j"), tuitest.Key("k")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d.Model.Update(keys[i%len(keys)])
		_ = d.Model.View()
	}
}
