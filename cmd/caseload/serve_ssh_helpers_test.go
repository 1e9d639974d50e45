package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"
)

// The end-to-end tests of caseload serve drive the real binary with the real OpenSSH
// client (Debian's openssh-client; .ci/run installs it), each client in a
// pseudo-terminal whose output a terminal emulator draws: what the clinician sees.

// sshClient is the ssh program; CI sets CASELOAD_REQUIRE_SSH so that a machine without
// it fails rather than skips.
func sshClient(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("ssh")
	if err != nil {
		if os.Getenv("CASELOAD_REQUIRE_SSH") != "" {
			t.Fatal("the OpenSSH client is needed: apt-get install openssh-client")
		}
		t.Skip("no ssh client on this machine (apt-get install openssh-client)")
	}
	return p
}

// newKey writes an Ed25519 key pair into dir as name and name.pub, as ssh-keygen would.
func newKey(t *testing.T, dir, name string) (private, public string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, name)
	if err != nil {
		t.Fatal(err)
	}
	private = filepath.Join(dir, name)
	if err := os.WriteFile(private, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sshPub))) + " " + name + "@laptop\n"
	if err := os.WriteFile(private+".pub", []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	return private, gossh.FingerprintSHA256(sshPub)
}

// serverEnv is the environment of the server and its commands: the tests' clock, and
// data and state folders of the test's own.
func serverEnv(home string) []string {
	return append(binaryEnv(home), "XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_STATE_HOME="+filepath.Join(home, "state"))
}

// onServer runs a caseload command with the server's environment.
func onServer(t *testing.T, home string, args ...string) result {
	t.Helper()
	cmd := exec.Command(realBinary(t), args...)
	cmd.Env = serverEnv(home)
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: string(out)}
}

// served is a running caseload serve.
type served struct {
	cmd  *exec.Cmd
	addr string // host:port it listens on
	port string
	out  *lines
	done chan error
}

// serveOn starts caseload serve on a free loopback port and waits until it listens.
func serveOn(t *testing.T, home, db string, extra ...string) *served {
	t.Helper()
	args := append([]string{"serve", "--db", db, "--listen", "127.0.0.1:0"}, extra...)
	cmd := exec.Command(realBinary(t), args...)
	cmd.Env = serverEnv(home)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &served{cmd: cmd, out: &lines{}, done: make(chan error, 1)}
	cmd.Stderr = s.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			_, _ = s.out.Write([]byte(line + "\n"))
			if _, addr, ok := strings.Cut(line, " on 127.0.0.1:"); ok && strings.HasPrefix(line, "caseload serve:") {
				listening <- "127.0.0.1:" + addr
			}
		}
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
	})
	select {
	case s.addr = <-listening:
		s.port = s.addr[strings.LastIndex(s.addr, ":")+1:]
	case err := <-s.done:
		t.Fatalf("caseload serve stopped before listening (%v):\n%s", err, s.out.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("caseload serve did not listen within 30 s:\n%s", s.out.String())
	}
	return s
}

// stop sends SIGTERM and waits for the server to end.
func (s *served) stop(t *testing.T) string {
	t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(60 * time.Second):
		t.Fatalf("caseload serve did not stop within 60 s of SIGTERM:\n%s", s.out.String())
	}
	return s.out.String()
}

// sshArgs are the client's options: this key alone, no agent, no user config, the
// test's own known_hosts, never a prompt.
func sshArgs(home, key, port string) []string {
	return []string{"-F", "/dev/null", "-i", key, "-p", port, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
		"-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + filepath.Join(home, "known_hosts"),
		"-o", "BatchMode=yes", "-o", "ConnectTimeout=20"}
}

// lines is output collected from another goroutine.
type lines struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// terminal is one clinician's ssh -tt in a pseudo-terminal, drawn by an emulator.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	vt   *vt.Emulator
	raw  lines // everything the client printed, for messages after the app has gone
	done chan error
}

// connect opens a session as key at cols×rows.
func connect(t *testing.T, home, key, port string, cols, rows int) *terminal {
	t.Helper()
	args := append([]string{"-tt"}, sshArgs(home, key, port)...)
	cmd := exec.Command(sshClient(t), append(args, "127.0.0.1")...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Fatal(err)
	}
	tm := &terminal{t: t, cmd: cmd, pty: f, vt: vt.NewEmulator(cols, rows), done: make(chan error, 1)}
	go tm.draw()
	go tm.answer()
	go func() { tm.done <- cmd.Wait() }()
	t.Cleanup(tm.close)
	return tm
}

// draw feeds the client's output to the emulator.
func (tm *terminal) draw() {
	buf := make([]byte, 32<<10)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			_, _ = tm.raw.Write(buf[:n])
			tm.mu.Lock()
			_, _ = tm.vt.Write(buf[:n])
			tm.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answer passes the emulator's replies (the background colour asked for) back, as a
// real terminal does; once the client has gone they are read and dropped, or the
// emulator would wait on them for ever holding the screen's lock.
func (tm *terminal) answer() {
	_, _ = io.Copy(tm.pty, tm.vt)
	_, _ = io.Copy(io.Discard, tm.vt)
}

// screen is what the window shows now.
func (tm *terminal) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.vt.String()
}

// shows waits until the screen shows text, and says whether it did.
func (tm *terminal) shows(text string, within time.Duration) bool {
	for start := time.Now(); time.Since(start) < within; time.Sleep(10 * time.Millisecond) {
		if strings.Contains(tm.screen(), text) {
			return true
		}
	}
	return false
}

// waitFor waits until the screen shows text, and returns how long that took.
func (tm *terminal) waitFor(text string, within time.Duration) time.Duration {
	tm.t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		if strings.Contains(tm.screen(), text) {
			return time.Since(start)
		}
		time.Sleep(10 * time.Millisecond)
	}
	tm.t.Fatalf("the screen did not show %q within %s; it shows:\n%s", text, within, tm.screen())
	return 0
}

// keys types each key in turn, pausing as a person would so that each lands on the
// screen it was meant for.
func (tm *terminal) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.send(k)
		time.Sleep(250 * time.Millisecond)
	}
}

// send types one key and returns at once.
func (tm *terminal) send(k string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(k)); err != nil {
		tm.t.Fatalf("typing %q: %v", k, err)
	}
}

// resize changes the window, as dragging its corner does.
func (tm *terminal) resize(cols, rows int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.vt.Resize(cols, rows)
	tm.mu.Unlock()
	if err := pty.Setsize(tm.pty, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		tm.t.Fatal(err)
	}
}

// ended waits for the client to exit and returns all it printed.
func (tm *terminal) ended(within time.Duration) string {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(within):
		tm.t.Fatalf("the ssh client did not end within %s; the screen:\n%s", within, tm.screen())
	}
	time.Sleep(100 * time.Millisecond) // the last bytes on their way through the pty
	return tm.raw.String()
}

// close closes the window: the terminal is gone, as when a laptop lid shuts.
func (tm *terminal) close() {
	_ = tm.cmd.Process.Kill()
	_ = tm.pty.Close()
}

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
