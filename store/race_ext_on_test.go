//go:build race

package store_test

// raceDetector tells the external tests that the race detector is on: the slowest of
// them (every kind of tampering, each verified whole) run in make's non-race step.
const raceDetector = true
