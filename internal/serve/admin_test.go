package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// TestITSeesTheServerNotTheRecords: an admin's session opens on IT's screen with the
// server's sessions counted, and no person's record.
func TestITSeesTheServerNotTheRecords(t *testing.T) {
	tm := serveTeam(t, Config{MaxSessions: 7}, "Dr Tom Halliwell")
	id, err := tm.st.AddClinician(context.Background(), "os:test", testNow,
		domain.Clinician{Name: "Ivy Okafor", Role: "IT", Active: true, Access: domain.AccessAdmin})
	if err != nil {
		t.Fatal(err)
	}
	ivy, _ := clinicianByID(t, tm, id)
	tm.keys["Ivy Okafor"] = tm.register(t, ivy)
	tm.as(t, "Dr Tom Halliwell").waitFor("to screen", 10*time.Second)
	c := tm.as(t, "Ivy Okafor")
	c.waitFor("2 open now, of at most 7", 10*time.Second)
	for _, clinical := range []string{"to screen", "Liam McAllister", "Referrals"} {
		if strings.Contains(c.out.screen(), clinical) {
			t.Errorf("IT's screen shows %q:\n%s", clinical, c.out.screen())
		}
	}
}

func clinicianByID(t *testing.T, tm *team, id int64) (domain.Clinician, bool) {
	t.Helper()
	cs, err := tm.st.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c, true
		}
	}
	t.Fatalf("no clinician %d", id)
	return domain.Clinician{}, false
}
