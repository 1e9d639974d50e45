package benchdb

import (
	"slices"
	"testing"
	"time"

	"caseload/internal/clock"
)

// Timings collects each iteration's time so a benchmark can report its median and its
// 99th percentile beside Go's mean: a keystroke target is about the slowest presses a
// clinician meets, which a mean hides.
type Timings struct{ d []time.Duration }

// Time runs fn and keeps how long it took.
func (t *Timings) Time(fn func()) {
	elapsed := clock.Stopwatch()
	fn()
	t.d = append(t.d, elapsed())
}

// Add keeps one iteration's time, measured by the caller.
func (t *Timings) Add(d time.Duration) { t.d = append(t.d, d) }

// Report adds p50-ms and p99-ms to b's results. Call it after the loop: b.Loop resets
// the metrics a benchmark reports before it.
func (t *Timings) Report(b *testing.B) {
	if len(t.d) == 0 {
		return
	}
	b.ReportMetric(ms(t.Percentile(50)), "p50-ms")
	b.ReportMetric(ms(t.Percentile(99)), "p99-ms")
}

// Percentile is the p-th percentile of the times kept (nearest rank).
func (t *Timings) Percentile(p float64) time.Duration {
	s := slices.Clone(t.d)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
