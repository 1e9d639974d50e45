package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeOverOpenSSH is the team's day over SSH with the real client: who gets in and
// who does not, a resize, a colleague's decision seen at once, a terminal closed
// mid-note and the note still there, a key revoked while in use, the server stopped.
func TestServeOverOpenSSH(t *testing.T) {
	skipUnderRace(t)
	ssh := sshClient(t)
	home := t.TempDir()
	db := filepath.Join(home, "team.db")
	mustRun(t, onServer(t, home, "demo", "--db", db))
	keys := t.TempDir()
	tom, tomFP := newKey(t, keys, "tom")
	niamh, _ := newKey(t, keys, "niamh")
	sanjay, sanjayFP := newKey(t, keys, "sanjay")
	beth, _ := newKey(t, keys, "beth")
	stranger, _ := newKey(t, keys, "stranger")
	for id, key := range map[string]string{"2": tom, "3": niamh, "4": sanjay, "5": beth} {
		mustRun(t, onServer(t, home, "clinicians", "keys", "add", "--db", db, id, "--file", key+".pub"))
	}
	mustRun(t, onServer(t, home, "clinicians", "keys", "revoke", "--db", db, sanjayFP))
	mustRun(t, onServer(t, home, "clinicians", "deactivate", "--db", db, "5"))
	srv := serveOn(t, home, db)

	// Refused: who is not a registered key of an active clinician.
	{
		for _, tt := range []struct {
			name string
			args []string
		}{
			{"a key no one registered", sshArgs(home, stranger, srv.port)},
			{"a revoked key", sshArgs(home, sanjay, srv.port)},
			{"a deactivated clinician's key", sshArgs(home, beth, srv.port)},
			{"a password", append(sshArgs(home, tom, srv.port), "-o", "PubkeyAuthentication=no",
				"-o", "PreferredAuthentications=password,keyboard-interactive")},
		} {
			out, err := exec.Command(ssh, append(tt.args, "-T", "127.0.0.1")...).CombinedOutput()
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != 255 || !strings.Contains(string(out), "Permission denied (publickey)") {
				t.Errorf("%s: ssh ended %v, want refused with only publickey offered:\n%s", tt.name, err, out)
			}
			if strings.Contains(string(out), "Today") {
				t.Errorf("%s: reached the app:\n%s", tt.name, out)
			}
		}
	}

	a := connect(t, home, tom, srv.port, 100, 30)
	a.waitFor("Dr Tom Halliwell", 30*time.Second)
	a.waitFor("15 to screen", 10*time.Second)
	b := connect(t, home, niamh, srv.port, 100, 30)
	b.waitFor("Dr Niamh Ó Dálaigh", 30*time.Second)
	b.waitFor("15 to screen", 10*time.Second)

	// A resize reaches the app.
	{
		// The ssh client sends the new size when its SIGWINCH is handled; once, on a
		// loaded machine, none came within five seconds, so the window is moved again
		// before the test gives up (said in the log: a resize lost for good fails).
		b.resize(30, 10)
		if !b.shows("Make the window larger", 5*time.Second) {
			t.Log("no redraw 5 s after the resize: resizing again")
			b.resize(31, 10)
		}
		b.waitFor("Make the window larger", 5*time.Second)
		b.resize(100, 30)
		b.waitFor("15 to screen", 5*time.Second)
	}

	// A colleague's screening decision is seen at once.
	{
		a.keys("\r")
		a.waitFor("No decision yet", 5*time.Second)
		a.keys("s")
		a.waitFor("Record: screen in", 5*time.Second)
		a.keys("\r", "Health needs to be assessed at the screening call", "\r", "\r", "\r")
		a.waitFor("y Record", 5*time.Second)
		sent := time.Now()
		a.send("y") // Record: y answers the last question and submits
		a.waitFor("screened in", 10*time.Second)
		saved := time.Since(sent)
		b.waitFor("14 to screen", 10*time.Second)
		seen := time.Since(sent)
		t.Logf("the decision showed on its own screen %s after the y, on the colleague's Today %s after", saved, seen)
		if seen > saved+time.Second {
			t.Errorf("the colleague's screen changed %s after the decision was saved, want within 1 s", seen-saved)
		}
	}

	// A terminal closed mid-note keeps the note.
	{
		b.keys("c")
		b.waitFor("Caseload", 5*time.Second)
		b.keys("\r")
		b.waitFor("1 Summary", 5*time.Second)
		b.keys("3", "n")
		b.waitFor("New note", 5*time.Second)
		b.keys("\t", "\t", "\t", "\t", "Seen at HMP Garth; talked through the release plan")
		b.close() // no quit, no save: the window is gone
		waitForLog(t, home, `"why":"connection closed"`, 20*time.Second)
		// 120 columns: at 100 the summary line is cut before its drafts.
		b = connect(t, home, niamh, srv.port, 120, 30)
		b.waitFor("2 drafts", 30*time.Second)
	}

	// A key revoked while in use closes its session.
	{
		mustRun(t, onServer(t, home, "clinicians", "keys", "revoke", "--db", db, tomFP))
		out := a.ended(10 * time.Second)
		if !strings.Contains(out, "Your key has been revoked by a lead") {
			t.Errorf("the session did not say its key was revoked:\n%s", tail(out))
		}
	}

	// SIGTERM saves and says so.
	{
		log := srv.stop(t)
		out := b.ended(20 * time.Second)
		if !strings.Contains(out, "the server is stopping: your work is saved") {
			slog, _ := readFile(filepath.Join(home, "state", "caseload", "serve.log"))
			t.Errorf("the session was not told the server is stopping:\n%s\nserver: %s\nlog: %s", tail(out), log, slog)
		}
		if !strings.Contains(log, "stopped") {
			t.Errorf("the server did not say it stopped:\n%s", log)
		}
	}
}

func mustRun(t *testing.T, r result) {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stdout)
	}
}

// waitForLog waits until the server's log holds text.
func waitForLog(t *testing.T, home, text string, within time.Duration) {
	t.Helper()
	path := filepath.Join(home, "state", "caseload", "serve.log")
	for start := time.Now(); time.Since(start) < within; time.Sleep(50 * time.Millisecond) {
		if b, err := readFile(path); err == nil && strings.Contains(b, text) {
			return
		}
	}
	b, _ := readFile(path)
	t.Fatalf("the server's log did not say %s within %s:\n%s", text, within, b)
}

// tail is the end of a long output, for a failure message.
func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
