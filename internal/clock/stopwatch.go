package clock

import "time"

// Stopwatch starts timing now and returns what reads how long has passed since, on the
// monotonic clock: how long an operation took, for the log (applog.SlowAfter), never
// what time it is.
func Stopwatch() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}
