package forummeeting

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

// The store is the form's saver as it is, with no adapter between them.
var _ Saver = (*store.Store)(nil)

// fixture is a database holding one open case of a fictional person, made through the
// store's own decisions, and the session of the clinician who holds it.
type fixture struct {
	st     *store.Store
	com    common.Common
	caseID int64
	person string
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	return fixture{st: c.Store, com: tuitest.Session(testNow, c.Clinician), caseID: c.ID, person: c.Person}
}

// open drives the meeting form on m at w x h; the host keeps every message the form sends.
func (f fixture) open(t testing.TB, m domain.ForumMeeting, w, h int) (*tuitest.Driver, *tuitest.Host) {
	t.Helper()
	return tuitest.Open(t, New(f.com, f.st, f.person, m), w, h)
}
