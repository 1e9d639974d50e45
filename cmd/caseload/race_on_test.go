//go:build race

package main

// raceDetector: the race detector slows the pure-Go SQLite about tenfold, so the crash
// and corruption tests skip its run (skipUnderRace); make test runs them without it.
const raceDetector = true
