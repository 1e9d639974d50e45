package serve

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"charm.land/ssh"

	gossh "golang.org/x/crypto/ssh"

	"caseload/internal/testdb"
)

// TestOnlyRegisteredKeysOfActiveCliniciansGetIn: the auth handler lets in a key a lead
// registered to an active clinician, and nothing else: no other key, no revoked key, no
// deactivated clinician, no password, no keyboard-interactive, no "none".
func TestOnlyRegisteredKeysOfActiveCliniciansGetIn(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Sanjay Mistry", "Beth Armitage")
	ctx := context.Background()
	revoked := tm.keys["Sanjay Mistry"]
	if err := tm.st.RevokeClinicianKey(ctx, "os:test", testNow, gossh.FingerprintSHA256(revoked.PublicKey())); err != nil {
		t.Fatal(err)
	}
	if err := tm.st.DeactivateClinician(ctx, "os:test", testNow, testdb.Clinician(t, tm.st, "Beth Armitage").ID); err != nil {
		t.Fatal(err)
	}
	answer := func(string, string, []string, []bool) ([]string, error) { return []string{"secret"}, nil }
	for _, tt := range []struct {
		name string
		auth []gossh.AuthMethod
	}{
		{"a key no one registered", []gossh.AuthMethod{gossh.PublicKeys(newSigner(t))}},
		{"a revoked key", []gossh.AuthMethod{gossh.PublicKeys(revoked)}},
		{"a deactivated clinician's key", []gossh.AuthMethod{gossh.PublicKeys(tm.keys["Beth Armitage"])}},
		{"a password", []gossh.AuthMethod{gossh.Password("secret")}},
		{"keyboard-interactive", []gossh.AuthMethod{gossh.KeyboardInteractive(answer)}},
		{"nothing at all", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tm.dial(t, tt.auth, 100, 30)
			if err == nil {
				t.Fatalf("let in; it printed:\n%s", c.ended(5*time.Second))
			}
			if !strings.Contains(err.Error(), "unable to authenticate") {
				t.Errorf("refused with %v, want an authentication refusal", err)
			}
		})
	}
	c := tm.as(t, "Dr Tom Halliwell")
	c.waitFor("Dr Tom Halliwell", 10*time.Second)
	c.waitFor("Today", time.Second)
}

// TestTheSessionIsTheKeyThatSigned is CVE-2024-45337: the key callback is called for
// every key a client offers, and a key it has seen is not asked about again, so the
// last key the callback saw need not be the key that signed. A client may offer a
// colleague's public key (which the server would accept) after its own and then sign
// with its own. identified must take the session's own key (which the SSH library
// keeps from the signature that passed), whatever the callback saw last.
func TestTheSessionIsTheKeyThatSigned(t *testing.T) {
	tm := serveTeam(t, Config{}, "Dr Tom Halliwell", "Dr Niamh Ó Dálaigh")
	signed := tm.keys["Dr Niamh Ó Dálaigh"].PublicKey()
	offered := tm.keys["Dr Tom Halliwell"].PublicKey()
	ctx := &fakeContext{real: context.Background()}
	if !tm.srv.allowKey(ctx, signed) || !tm.srv.allowKey(ctx, offered) {
		t.Fatal("the callback refused a registered key")
	}
	var got who
	tm.srv.identified(func(_ ssh.Session, w who) { got = w })(&fakeSession{ctx: ctx, key: signed})
	if got.clinician.Name != "Dr Niamh Ó Dálaigh" || got.fingerprint != gossh.FingerprintSHA256(signed) {
		t.Errorf("the session is %q (%s), want the signer Dr Niamh Ó Dálaigh", got.clinician.Name, got.fingerprint)
	}
}

// fakeSession is a session as the SSH library hands it over, for identified alone.
type fakeSession struct {
	ssh.Session
	ctx    *fakeContext
	key    ssh.PublicKey
	stderr strings.Builder
}

func (f *fakeSession) PublicKey() ssh.PublicKey { return f.key }
func (f *fakeSession) RemoteAddr() net.Addr     { return loopbackAddr }
func (f *fakeSession) Context() ssh.Context     { return f.ctx }
func (f *fakeSession) Stderr() io.ReadWriter    { return &readWriter{&f.stderr} }
func (f *fakeSession) Exit(int) error           { return nil }
func (f *fakeSession) Close() error             { return nil }

type readWriter struct{ *strings.Builder }

func (readWriter) Read([]byte) (int, error) { return 0, io.EOF }

var loopbackAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 50000}

// fakeContext is the connection's context: a real context.Context and an address.
type fakeContext struct {
	ssh.Context
	real context.Context
}

func (f *fakeContext) Deadline() (time.Time, bool) { return f.real.Deadline() }
func (f *fakeContext) Done() <-chan struct{}       { return f.real.Done() }
func (f *fakeContext) Err() error                  { return f.real.Err() }
func (f *fakeContext) Value(k any) any             { return f.real.Value(k) }
func (f *fakeContext) RemoteAddr() net.Addr        { return loopbackAddr }
