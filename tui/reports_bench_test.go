package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// BenchmarkReportsFirstFrame is p on Today over the big database (20,000 referrals,
// 1,000 open cases) until the Reports screen's first frame with its figures: read the
// facts, work the last 12 months' figures out, draw the page at 80x24 and show it.
// Target: under 150 ms.
func BenchmarkReportsFirstFrame(b *testing.B) {
	st, err := store.Open(context.Background(), pathwayDatabase(b), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	app := newApp(b, st)
	d := tuitest.New(b, app, 80, 24)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Keys("p")
		if frame := d.Screen(); !strings.Contains(frame, "Referrals received") {
			b.Fatalf("first frame lacks the figures:\n%s", frame)
		}
		b.StopTimer()
		d.Send(common.BackMsg{})
		b.StartTimer()
	}
}
