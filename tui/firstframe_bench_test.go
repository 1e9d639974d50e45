package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/benchdb"
	"caseload/store"
)

// BenchmarkOpenToFirstFrame is starting the app on a big file until its first whole
// frame, Today with every section: store.Open (the checks that cost the same whatever
// the size of the file; the full page check starts in the background 300 ms later, or
// at the first write, so a first frame never shares the machine with it),
// Init's commands run at once as the program runs them, their answers delivered as
// they come until the agenda is drawn. Closing the store is not timed. Reports p50 and
// p99 beside the mean. Targets (issue 17): 60 ms at 20,000 referrals, 100 ms with a
// million notes or 100,000 referrals.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	for _, f := range []struct {
		name string
		benchdb.Fixture
	}{
		{"mixed-2k", benchdb.Fixture{Referrals: 2_000}},
		{"mixed-20k", benchdb.Fixture{Referrals: 20_000}},
		{"imported-20k", benchdb.Fixture{Referrals: 20_000, Imported: true}},
		{"notes-1M", benchdb.Fixture{Referrals: 20_000, Notes: 1_000_000}},
		{"mixed-100k", benchdb.Fixture{Referrals: 100_000}},
		{"imported-100k", benchdb.Fixture{Referrals: 100_000, Imported: true}},
	} {
		b.Run(f.name, func(b *testing.B) {
			path := benchdb.Copy(b, f.Fixture)
			ctx := context.Background()
			st, err := store.Open(ctx, path, store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			newApp(b, st) // binds the account and records the safety checks, once
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
			var tm benchdb.Timings
			b.ReportAllocs()
			for b.Loop() {
				var st *store.Store
				tm.Time(func() {
					if st, err = store.Open(ctx, path, store.Options{}); err != nil {
						b.Fatal(err)
					}
					if frame := firstFrame(appOn(b, st)); !strings.Contains(frame, "to screen") {
						b.Fatalf("the first frame lacks the agenda:\n%s", frame)
					}
				})
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			tm.Report(b)
		})
	}
}

// firstFrame runs app as the program would until Today has its agenda: Init's commands
// each on its own goroutine, their answers delivered as they arrive, the frame drawn
// after each, until the summary's counts replace "What is due today". What the answers
// start in turn (the watch's next tick) is not run.
func firstFrame(app *App) string {
	app.Update(resize(120, 40))
	answers := make(chan tea.Msg, 32)
	start := func(cmd tea.Cmd) {
		if cmd != nil {
			go func() { answers <- cmd() }()
		}
	}
	start(app.Init())
	for {
		var msg tea.Msg
		select {
		case msg = <-answers:
		case <-time.After(time.Minute):
			return "no answer for a minute:\n" + app.View().Content
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, cmd := range batch {
				start(cmd)
			}
			continue
		}
		app.Update(msg)
		if frame := app.View().Content; !strings.Contains(frame, "What is due today") {
			return frame
		}
	}
}
