package tui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/testdb"
	"caseload/tui/tuitest"
)

// percentiles reports the 50th and 99th percentile of each operation's time, since a
// palette that is quick on average but stalls one keystroke in a hundred still feels
// slow; b's own ns/op is the mean.
func percentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	at := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}

// BenchmarkPaletteOpen is ctrl+k on a case's notes tab at 200x60 (a screen with many
// keys): the items built from the keymaps and the places, and the whole frame drawn
// after it. Target: under 1 ms.
func BenchmarkPaletteOpen(b *testing.B) {
	d := tuitest.New(b, newApp(b, testdb.Demo(b, testNow)), 200, 60).Keys("c enter 3")
	a := d.Model.(*App)
	open, esc := tuitest.Key("ctrl+k"), tuitest.Key("esc")
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		a.Update(open)
		_ = a.View()
		took = append(took, time.Since(start))
		b.StopTimer()
		a.Update(esc)
		b.StartTimer()
	}
	percentiles(b, took)
}

// BenchmarkPaletteKeystroke is one letter typed into the open palette (matching every
// item again) and the frame after it, then backspace, at 200x60. Target: under 1 ms.
func BenchmarkPaletteKeystroke(b *testing.B) {
	d := tuitest.New(b, newApp(b, testdb.Demo(b, testNow)), 200, 60).Keys("c enter 3 ctrl+k").Type("go")
	a := d.Model.(*App)
	keys := []tea.KeyPressMsg{tuitest.Key("t"), tuitest.Key("backspace")}
	var took []time.Duration
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		a.Update(keys[i%len(keys)])
		_ = a.View()
		took = append(took, time.Since(start))
	}
	percentiles(b, took)
}
