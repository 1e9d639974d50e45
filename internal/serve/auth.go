package serve

import (
	"context"
	"runtime/debug"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"caseload/internal/domain"
)

// lookupFor bounds one look-up of a key: a login must not hang on a busy file.
const lookupFor = 10 * time.Second

// allowKey is the SSH library's public key callback: a key registered, not revoked, to
// an active clinician. It only answers yes or no: who the session is comes later, in
// identified, from the key the session actually proved it holds. A client may offer
// several keys, and the callback sees each; trusting the last one it saw is the mistake
// of CVE-2024-45337.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	lctx, cancel := context.WithTimeout(ctx, lookupFor)
	defer cancel()
	c, ok, err := s.cfg.Store.ClinicianByKey(lctx, fp)
	addr := ctx.RemoteAddr().String()
	switch {
	case err != nil:
		s.cfg.Log.Error("key look-up failed", "address", addr, "fingerprint", fp, "error", err.Error())
		return false
	case !ok:
		s.cfg.Log.Info("key refused: not registered or revoked", "address", addr, "fingerprint", fp)
		return false
	case !c.Active:
		s.cfg.Log.Info("key refused: clinician deactivated", "address", addr, "fingerprint", fp, "clinician_id", c.ID)
		return false
	}
	return true
}

// who is the clinician a session is, and by which key.
type who struct {
	clinician   domain.Clinician
	fingerprint string
	address     string
}

// identified takes the session's identity from the public key the session itself
// authenticated with (the library keeps it from the successful callback, for this
// connection), looks it up again, and refuses a session with no key or a key no longer
// in use (revoked between the handshake and now).
func (s *Server) identified(next func(ssh.Session, who)) ssh.Handler {
	return func(sess ssh.Session) {
		key := sess.PublicKey()
		addr := sess.RemoteAddr().String()
		if key == nil {
			s.refuse(sess, "caseload lets in only SSH keys registered by a lead.", "no public key", addr)
			return
		}
		fp := gossh.FingerprintSHA256(key)
		ctx, cancel := context.WithTimeout(sess.Context(), lookupFor)
		c, ok, err := s.cfg.Store.ClinicianByKey(ctx, fp)
		cancel()
		switch {
		case err != nil:
			s.refuse(sess, "caseload cannot read its database just now: try again in a minute, and tell IT if it goes on.", "key look-up failed: "+err.Error(), addr)
			return
		case !ok || !c.Active:
			s.refuse(sess, "This key is not in use for caseload: ask a lead to register your key.", "key no longer in use "+fp, addr)
			return
		}
		next(sess, who{clinician: c, fingerprint: fp, address: addr})
	}
}

// limited refuses a session over the rate for its address, or over the most sessions.
func (s *Server) limited(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		addr := sess.RemoteAddr().String()
		if !s.limit.allow(sess.RemoteAddr()) {
			s.refuse(sess, "Too many connections from your address in the last minute: wait a minute and connect again.", "rate limit", addr)
			return
		}
		next(sess)
	}
}

// guarded ends only the session whose handler panicked; the server and every other
// session go on. (A panic inside the app is caught by the app itself, which saves its
// drafts: see run.)
func (s *Server) guarded(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.cfg.Log.Error("session panicked", "address", sess.RemoteAddr().String(), "stack", string(debug.Stack()))
				_, _ = sess.Stderr().Write([]byte("caseload met a fault and closed this session.\r\n"))
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// refuse tells the client why, in words, logs why, and ends the session.
func (s *Server) refuse(sess ssh.Session, words, why, addr string) {
	s.cfg.Log.Info("session refused", "address", addr, "why", why)
	_, _ = sess.Stderr().Write([]byte(words + "\r\n"))
	_ = sess.Exit(1)
	_ = sess.Close()
}
