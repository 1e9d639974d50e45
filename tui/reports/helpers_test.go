package reports

import (
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Thursday evening in winter, so London is on GMT.
var testNow = time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)

const (
	amara = "Dr Amara Okonkwo-Reid" // the demo's lead
	tom   = "Dr Tom Halliwell"
)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// newScreen makes the Reports screen of st as me sees it, afresh each call.
func newScreen(st *store.Store, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st) }
}

// demo is the demo database on testNow and the clinician named.
func demo(t testing.TB, name string) (*store.Store, domain.Clinician) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	return st, testdb.Clinician(t, st, name)
}
