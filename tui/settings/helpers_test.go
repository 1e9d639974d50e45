package settings

import (
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

const (
	amara = "Dr Amara Okonkwo-Reid" // the demo's lead
	tom   = "Dr Tom Halliwell"
)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// noFile is a config path that does not exist, so goldens do not name a temp folder.
const noFile = "/nonexistent/caseload/config.toml"

// newScreen makes the Settings screen of st as me sees it on the config file at path.
func newScreen(st *store.Store, me domain.Clinician, path string) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), st, path) }
}

func demoAs(t testing.TB, name string) (*store.Store, domain.Clinician) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	return st, testdb.Clinician(t, st, name)
}
