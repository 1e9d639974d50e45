package serve

import (
	"caseload/internal/domain"
	"caseload/internal/testdb"
	"context"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestACommitReachesEverySession: a change committed through the store reaches each
// open session's screen at once, pushed by the server (the app does not watch the file
// in team mode).
func TestACommitReachesEverySession(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Dr Niamh Ó Dálaigh")
	a, b := tm.as(t, "Dr Tom Halliwell"), tm.as(t, "Dr Niamh Ó Dálaigh")
	a.waitFor("15 to screen", 10*time.Second)
	b.waitFor("15 to screen", 10*time.Second)
	ctx := context.Background()
	rs, err := tm.st.UnscreenedReferrals(ctx)
	if err != nil || len(rs) == 0 {
		t.Fatalf("no referral to withdraw (%v)", err)
	}
	if err := tm.st.WithdrawReferral(ctx, "os:test", testNow, rs[0].ID, "the referrer withdrew it"); err != nil {
		t.Fatal(err)
	}
	a.waitFor("14 to screen", 2*time.Second)
	b.waitFor("14 to screen", 2*time.Second)
}

// TestLimitsAreSaidInWords: past the most sessions, and past an address's rate, the
// client is told why in a sentence.
func TestLimitsAreSaidInWords(t *testing.T) {
	t.Run("most sessions", func(t *testing.T) {
		tm := serveTeam(t, Config{MaxSessions: 1}, "Dr Tom Halliwell")
		first := tm.as(t, "Dr Tom Halliwell")
		first.waitFor("Today", 10*time.Second)
		out := tm.as(t, "Dr Tom Halliwell").ended(10 * time.Second)
		if !strings.Contains(out, "caseload already has 1 sessions open, the most it allows") {
			t.Errorf("a session past the most was told:\n%s", out)
		}
	})
	t.Run("rate an address", func(t *testing.T) {
		tm := serveTeam(t, Config{PerAddress: Rate{Burst: 2, Every: time.Hour}}, "Dr Tom Halliwell")
		for range 2 {
			tm.as(t, "Dr Tom Halliwell").waitFor("Today", 10*time.Second)
		}
		out := tm.as(t, "Dr Tom Halliwell").ended(10 * time.Second)
		if !strings.Contains(out, "Too many connections from your address") {
			t.Errorf("a session past the rate was told:\n%s", out)
		}
	})
}

// TestShutdownTellsEverySession: stopping the server closes each session with the
// reason, after its drafts are saved.
func TestShutdownTellsEverySession(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Dr Niamh Ó Dálaigh")
	a, b := tm.as(t, "Dr Tom Halliwell"), tm.as(t, "Dr Niamh Ó Dálaigh")
	a.waitFor("Today", 10*time.Second)
	b.waitFor("Today", 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := tm.srv.Shutdown(ctx, "the server is stopping: your work is saved"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*client{a, b} {
		if out := c.ended(10 * time.Second); !strings.Contains(out, "the server is stopping: your work is saved") {
			t.Errorf("a session was not told:\n%s", out)
		}
	}
	if n := tm.srv.Sessions(); n != 0 {
		t.Errorf("%d sessions still open", n)
	}
}

// TestASessionNeedsATerminal: ssh without a terminal, or with a command, is told what
// to do instead.
func TestASessionNeedsATerminal(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell")
	conn, err := gossh.Dial("tcp", tm.addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(tm.keys["Dr Tom Halliwell"])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, tt := range []struct{ name, command, want string }{
		{"no terminal", "", "caseload is a terminal app: connect with ssh -t"},
		{"a command", "cat /etc/passwd", "caseload is a terminal app"},
	} {
		sess, err := conn.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		sess.Stdout, sess.Stderr = &out, &out
		if tt.command == "" {
			err = sess.Shell()
			if err == nil {
				err = sess.Wait()
			}
		} else {
			err = sess.Run(tt.command)
		}
		if err == nil || !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s: ended %v, said %q; want %q", tt.name, err, out.String(), tt.want)
		}
		sess.Close()
	}
}

// TestARevokedKeyClosesItsSession: a lead revoking a key, or deactivating its
// clinician, closes the session it has open.
func TestARevokedKeyClosesItsSession(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Dr Niamh Ó Dálaigh")
	a, b := tm.as(t, "Dr Tom Halliwell"), tm.as(t, "Dr Niamh Ó Dálaigh")
	a.waitFor("Today", 10*time.Second)
	b.waitFor("Today", 10*time.Second)
	ctx := context.Background()
	if err := tm.st.RevokeClinicianKey(ctx, "os:test", testNow, gossh.FingerprintSHA256(tm.keys["Dr Tom Halliwell"].PublicKey())); err != nil {
		t.Fatal(err)
	}
	if out := a.ended(10 * time.Second); !strings.Contains(out, "Your key has been revoked by a lead") {
		t.Errorf("the revoked key's session said:\n%s", out)
	}
	niamh := testdb.Clinician(t, tm.st, "Dr Niamh Ó Dálaigh")
	if err := tm.st.DeactivateClinician(ctx, "os:test", testNow, niamh.ID); err != nil {
		t.Fatal(err)
	}
	if out := b.ended(10 * time.Second); !strings.Contains(out, "Dr Niamh Ó Dálaigh has been deactivated by a lead") {
		t.Errorf("the deactivated clinician's session said:\n%s", out)
	}
}

// TestAClosedChannelEndsItsSession: through a shared connection (ssh ControlMaster,
// PuTTY's connection sharing) closing the terminal closes the channel and not the
// connection; the session must end then, its drafts saved, not run on unseen.
func TestAClosedChannelEndsItsSession(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell")
	c := tm.as(t, "Dr Tom Halliwell")
	c.waitFor("Today", 10*time.Second)
	if n := tm.srv.Sessions(); n != 1 {
		t.Fatalf("%d sessions open, want 1", n)
	}
	if err := c.in.Close(); err != nil { // the client's end of the channel: EOF to the server
		t.Fatal(err)
	}
	for start := time.Now(); tm.srv.Sessions() != 0; time.Sleep(20 * time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatal("the session runs on after its channel closed")
		}
	}
	if _, _, err := c.conn.SendRequest("keepalive@openssh.com", true, nil); err != nil {
		t.Errorf("the connection itself closed too (%v): the test shows nothing", err)
	}
}

// TestAChangedAccessClosesItsSession: a session's screens and store view were made for
// the clinician's access when it opened; a lead changing it closes the session.
func TestAChangedAccessClosesItsSession(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell")
	c := tm.as(t, "Dr Tom Halliwell")
	c.waitFor("Today", 10*time.Second)
	tom := testdb.Clinician(t, tm.st, "Dr Tom Halliwell")
	if _, err := tm.st.SetClinicianAccess(context.Background(), "os:test", testNow, tom.ID, domain.AccessLead); err != nil {
		t.Fatal(err)
	}
	if out := c.ended(10 * time.Second); !strings.Contains(out, "A lead has made Dr Tom Halliwell lead") {
		t.Errorf("the session whose access changed said:\n%s", out)
	}
}
