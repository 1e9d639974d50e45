package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
)

// TestITSeesTheServerNotTheRecords: an admin's session opens on IT's screen with the
// server's sessions counted, and no person's record.
func TestITSeesTheServerNotTheRecords(t *testing.T) {
	tm := serveTeam(t, Config{MaxSessions: 7}, "Dr Tom Halliwell")
	_, err := tm.st.AddClinician(context.Background(), "os:test", testNow,
		domain.Clinician{Name: "Ivy Okafor", Role: "IT", Active: true, Access: domain.AccessAdmin})
	if err != nil {
		t.Fatal(err)
	}
	tm.keys["Ivy Okafor"] = tm.register(t, testdb.Clinician(t, tm.st, "Ivy Okafor"))
	tm.as(t, "Dr Tom Halliwell").waitFor("to screen", 10*time.Second)
	c := tm.as(t, "Ivy Okafor")
	c.waitFor("2 open now, of at most 7", 10*time.Second)
	for _, clinical := range []string{"to screen", "Liam McAllister", "Referrals"} {
		if strings.Contains(c.out.screen(), clinical) {
			t.Errorf("IT's screen shows %q:\n%s", clinical, c.out.screen())
		}
	}
}
