//go:build race

package main

// raceDetector: the race detector slows the pure-Go SQLite about tenfold, so the crash
// tests kill fewer times under it (make test's crash target runs them in full without).
const raceDetector = true
