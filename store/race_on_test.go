//go:build race

package store

// raceDetector: the race detector slows the pure-Go SQLite about tenfold, so the
// two-process test writes fewer times under it (the plain run holds the 5,000).
const raceDetector = true
