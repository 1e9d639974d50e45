package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
)

var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// team is a demo database with a key registered for each named clinician, served on a
// loopback port by an in-process server.
type team struct {
	st   *store.Store
	srv  *Server
	addr string
	keys map[string]gossh.Signer // by clinician name
}

func serveTeam(t *testing.T, cfg Config, names ...string) *team {
	t.Helper()
	st := testdb.Demo(t, testNow)
	tm := &team{st: st, keys: map[string]gossh.Signer{}}
	for _, name := range names {
		c := testdb.Clinician(t, st, name)
		tm.keys[name] = tm.register(t, c)
	}
	pem, _, err := HostKey(filepath.Join(t.TempDir(), "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Store, cfg.HostKey = st, pem
	if cfg.Clock == nil {
		cfg.Clock = clock.Fixed(testNow)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Serve(ctx, ln); close(done) }()
	t.Cleanup(func() {
		sctx, stop := context.WithTimeout(context.Background(), 20*time.Second)
		defer stop()
		_ = srv.Shutdown(sctx, "the test is over")
		cancel()
		<-done
	})
	tm.srv, tm.addr = srv, ln.Addr().String()
	return tm
}

// register makes a key and registers it as c's.
func (tm *team) register(t *testing.T, c domain.Clinician) gossh.Signer {
	t.Helper()
	signer := newSigner(t)
	if _, err := tm.st.AddClinicianKey(context.Background(), "os:test", testNow, c.ID, mustParseKey(t, signer.PublicKey())); err != nil {
		t.Fatal(err)
	}
	return signer
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// client is one session from the Go SSH client, with a terminal of cols×rows.
type client struct {
	t    *testing.T
	conn *gossh.Client
	sess *gossh.Session
	in   io.WriteCloser
	out  *output
	done chan error
}

// dial connects with auth and opens the app in a terminal.
func (tm *team) dial(t *testing.T, auth []gossh.AuthMethod, cols, rows int) (*client, error) {
	return tm.dialWith(t, auth, cols, rows, "xterm-256color", nil)
}

// dialWith is dial with the client's TERM and the variables it sends.
func (tm *team) dialWith(t *testing.T, auth []gossh.AuthMethod, cols, rows int, term string, env map[string]string) (*client, error) {
	t.Helper()
	conn, err := gossh.Dial("tcp", tm.addr, &gossh.ClientConfig{User: "anyone", Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 20 * time.Second})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &client{t: t, conn: conn, sess: sess, out: &output{vt: vt.NewEmulator(cols, rows)}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = c.out, c.out
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.in = &lockedWriter{w: stdin}
	// The terminal's answers (the background colour asked for), as a real one gives;
	// once the session has gone they are read and dropped, or the emulator would wait
	// on them for ever holding the screen's lock.
	go func() { _, _ = io.Copy(c.in, c.out.vt); _, _ = io.Copy(io.Discard, c.out.vt) }()
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.RequestPty(term, rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { c.done <- sess.Wait() }()
	// The emulator is left open: its reader would race with Close, and it dies with
	// the test binary.
	t.Cleanup(func() { conn.Close() })
	return c, nil
}

// as connects as the named clinician's key.
func (tm *team) as(t *testing.T, name string) *client {
	t.Helper()
	c, err := tm.dial(t, []gossh.AuthMethod{gossh.PublicKeys(tm.keys[name])}, 100, 30)
	if err != nil {
		t.Fatalf("%s could not connect: %v", name, err)
	}
	return c
}

// output is what the session printed, kept from another goroutine, and the screen a
// terminal would show for it (the app redraws only the cells that changed).
type output struct {
	mu sync.Mutex
	b  strings.Builder
	vt *vt.Emulator
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, _ = o.vt.Write(p)
	return o.b.Write(p)
}

// screen is what the window shows now.
func (o *output) screen() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.vt.String()
}

// raw is everything printed so far, escape sequences and all.
func (o *output) raw() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// text is everything printed so far, without escape sequences.
func (o *output) text() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return ansi.Strip(o.b.String())
}

// waitFor waits until the session's screen shows text.
func (c *client) waitFor(text string, within time.Duration) {
	c.t.Helper()
	for start := time.Now(); time.Since(start) < within; time.Sleep(10 * time.Millisecond) {
		if strings.Contains(c.out.screen(), text) {
			return
		}
	}
	c.t.Fatalf("the screen did not show %q within %s; it shows:\n%s", text, within, c.out.screen())
}

// ended waits for the session to end and returns all it printed.
func (c *client) ended(within time.Duration) string {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(within):
		c.t.Fatalf("the session did not end within %s:\n%s", within, c.out.text())
	}
	return c.out.text()
}

func mustParseKey(t testing.TB, pub gossh.PublicKey) domain.PublicKey {
	key, err := domain.ParsePublicKey(string(gossh.MarshalAuthorizedKey(pub)))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// lockedWriter is the session's stdin, written by the test and by the emulator's
// answers: x/crypto's channel does not guard a Close against a Write in flight.
type lockedWriter struct {
	mu sync.Mutex
	w  io.WriteCloser
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Close()
}
