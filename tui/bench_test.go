package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/demo"
	"caseload/store"
)

// bigDatabase is a file holding n fictional referrals, made once per benchmark.
func bigDatabase(b *testing.B, n int) string {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "big.db")
	st, err := store.Create(ctx, path, testNow)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.AddReferrals(ctx, "bench", testNow, demo.ManyReferrals(testNow, n)); err != nil {
		b.Fatal(err)
	}
	for _, c := range demo.Clinicians() {
		if _, err := st.AddClinician(ctx, "bench", testNow, c); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkFirstFrame is opening the app on a database of 20,000 referrals until its
// first full frame: open the file (with its safety checks), load the top of the queue
// (every running clock and the latest screened), draw. The rest of the queue loads after
// that frame, off the UI goroutine, and is measured by BenchmarkWholeQueueLoad.
// Target: under 150 ms.
func BenchmarkFirstFrame(b *testing.B) {
	path := bigDatabase(b, 20000)
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
		// Run Init's commands once, as the program would, and deliver what they return,
		// but not the commands those results start (the load of the rest).
		for _, cmd := range app.Init()().(tea.BatchMsg) {
			if cmd != nil {
				app.Update(cmd())
			}
		}
		if !strings.Contains(app.View().Content, "overdue") {
			b.Fatal("first frame lacks the queue")
		}
		st.Close()
	}
}
