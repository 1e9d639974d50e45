package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"caseload/tui/spoken"
)

// TestAccessibleModeFromFlagOrDumbTerminal runs the real binary in a terminal: with
// --accessible, or with TERM=dumb, it speaks (the greeting, then the first question in
// sentences) and never takes the alternate screen or draws; without either it draws as
// ever. ctrl+c quits in both, so the keys reach the app raw.
func TestAccessibleModeFromFlagOrDumbTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if r := runBinary(t, "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	tests := []struct {
		name, term string
		flag       bool
		spoken     bool
	}{
		{"flag", "xterm-256color", true, true},
		{"dumb terminal", "dumb", false, true},
		{"neither", "xterm-256color", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"--db", db}
			if tc.flag {
				args = append(args, "--accessible")
			}
			out := runInTerminal(t, args, "TERM="+tc.term, "not yet linked")
			altScreen := strings.Contains(out, "\x1b[?1049h")
			if spoke := strings.Contains(out, spoken.Greeting); spoke != tc.spoken || altScreen == tc.spoken {
				t.Fatalf("spoken %v, alternate screen %v; want spoken %v:\n%q", spoke, altScreen, tc.spoken, out)
			}
			if tc.spoken && (strings.Contains(out, "\x1b") || !strings.Contains(out, "is not yet linked to a clinician. Choose yourself once")) {
				t.Fatalf("the accessible mode drew, or did not ask who this is:\n%q", out)
			}
		})
	}
}

// runInTerminal runs caseload in a pseudo-terminal of 100x30 until its output holds
// until, then presses ctrl+c and returns everything it wrote.
func runInTerminal(t *testing.T, args []string, env string, until string) string {
	t.Helper()
	cmd := exec.Command(realBinary(t), args...)
	cmd.Env = append(binaryEnv(t.TempDir()), env)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var mu sync.Mutex
	var out bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	read := func() string { mu.Lock(); defer mu.Unlock(); return out.String() }
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(read(), until) && !strings.Contains(read(), "not yet linked") {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("caseload never said %q:\n%q", until, read())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, err := f.Write([]byte{3}); err != nil { // ctrl+c
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("ctrl+c did not quit:\n%q", read())
	}
	time.Sleep(100 * time.Millisecond) // the last of the output
	return read()
}
