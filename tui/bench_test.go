package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/demo"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
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

// BenchmarkQueueKeystroke is one key press on the queue of 20,000 referrals: Update and
// the View of the whole frame that follows it. Target: under 1 ms.
func BenchmarkQueueKeystroke(b *testing.B) {
	st, err := store.Open(context.Background(), bigDatabase(b, 20000), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := tuitest.New(b, newApp(b, st), 120, 40).Keys("r")
	keys := []tea.KeyPressMsg{tuitest.Key("j"), tuitest.Key("j"), tuitest.Key("k")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d.Send(keys[i%len(keys)]) // through the root, with what the key's commands bring back
		_ = d.Model.View()
	}
}

// BenchmarkQueueFilterKeystroke is one letter typed into the filter over 20,000
// referrals, and the frame after it.
func BenchmarkQueueFilterKeystroke(b *testing.B) {
	st, err := store.Open(context.Background(), bigDatabase(b, 20000), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := tuitest.New(b, newApp(b, st), 120, 40).Keys("r /")
	keys := []tea.KeyPressMsg{tuitest.Key("a"), tuitest.Key("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d.Send(keys[i%len(keys)])
		_ = d.Model.View()
	}
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

// BenchmarkWholeQueueLoad is the load of all 20,000 referrals that follows the first
// frame: the query, the rows prepared and sorted, applied to the queue.
func BenchmarkWholeQueueLoad(b *testing.B) {
	st, err := store.Open(context.Background(), bigDatabase(b, 20000), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d := tuitest.New(b, newApp(b, st), 120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Send(common.ReferralChangedMsg{})
	}
}
