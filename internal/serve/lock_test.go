package serve

import (
	"caseload/internal/testdb"
	"context"
	"strings"
	"testing"
	"time"
)

// fastClock runs twenty minutes a second from testNow: the idle lock's fifteen minutes
// pass in under a second of the test.
type fastClock struct{ start time.Time }

func (c fastClock) Now() time.Time { return testNow.Add(time.Since(c.start) * 1200) }

// TestIdleLockOverSSH: a session left without a key locks, showing only the sentence
// that names whose it is, not a record; enter brings the screen back; left longer it
// closes, its drafts saved, and says why. Its start and end are in the audit.
func TestIdleLockOverSSH(t *testing.T) {
	tm := serveTeam(t, Config{Tick: 50 * time.Millisecond, Clock: fastClock{start: time.Now()}}, "Dr Tom Halliwell")
	c := tm.as(t, "Dr Tom Halliwell")
	c.waitFor("to screen", 10*time.Second)
	c.waitFor("Locked. Press enter to continue as Dr Tom Halliwell", 10*time.Second)
	screen := c.out.screen()
	for _, clinical := range []string{"to screen", "Liam McAllister", "Referrals", "Today"} {
		if strings.Contains(screen, clinical) {
			t.Errorf("the locked screen shows %q:\n%s", clinical, screen)
		}
	}
	if _, err := c.in.Write([]byte("\r")); err != nil {
		t.Fatal(err)
	}
	c.waitFor("to screen", 5*time.Second)
	out := c.ended(20 * time.Second)
	if !strings.Contains(out, "closed after 60 minutes without a key") {
		t.Errorf("the idle session ended saying:\n%s", out)
	}

	tom := testdb.Clinician(t, tm.st, "Dr Tom Halliwell")
	es, err := tm.st.AuditEntries(context.Background(), "clinician", tom.ID)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, e := range es {
		if strings.HasPrefix(e.Action, "session.") {
			seen = append(seen, e.Action+" "+e.Detail)
		}
	}
	if len(seen) != 2 || !strings.HasPrefix(seen[0], "session.started") || !strings.Contains(seen[1], `"reason":"idle"`) {
		t.Errorf("the audit holds %d session entries, want its start and its end (idle):\n%s", len(seen), strings.Join(seen, "\n"))
	}
}
