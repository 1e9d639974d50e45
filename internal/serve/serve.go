// Package serve is caseload's front door for the team: an SSH server (charm.land/wish)
// that runs the app in one session a clinician, all on the one store this process
// owns, so that no clinician needs an account on the server or can reach the file
// (docs/DEPLOY.md). A session's clinician is the one whose registered key it presented;
// nothing else lets anyone in.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"

	"caseload/internal/clock"
	"caseload/store"
)

// Config is what a server needs.
type Config struct {
	Store   *store.Store
	Clock   clock.Clock
	HostKey []byte // the host key's PEM (HostKey)
	Log     *slog.Logger
	// MaxSessions is how many sessions may be open at once (default 50).
	MaxSessions int
	// PerAddress is how many sessions one address may start in a burst, and how soon
	// it may start another after that (default 10, then one every 6 seconds).
	PerAddress Rate
	// FlushFor bounds saving a session's drafts after it ends (default 10 seconds).
	FlushFor time.Duration
	// ArmAfter, when set, is how long a confirmation ignores keys (tests shorten it).
	ArmAfter time.Duration
	// Tick, when set, is how often the app's clock ticks instead of each minute: tests
	// with a clock that runs fast see the idle lock in seconds.
	Tick time.Duration
}

// Rate is a burst and how often one more is allowed after it.
type Rate struct {
	Burst int
	Every time.Duration
}

// Server is a running caseload server.
type Server struct {
	cfg   Config
	ssh   *ssh.Server
	hub   *hub
	limit *limiter // sessions an address, told in words
	conns *limiter // connections an address, before any key: dropped
}

// connectionRate bounds the connections one address may open, keys or not: each
// offered key costs a look-up on the store every session shares, so a flood of
// handshakes must not reach it. Generous: a team's laptops behind one office address
// reconnect together after a network blip.
var connectionRate = Rate{Burst: 60, Every: time.Second}

// admit drops a connection over the rate for its address before its handshake.
func (s *Server) admit(_ ssh.Context, conn net.Conn) net.Conn {
	if !s.conns.allow(conn.RemoteAddr()) {
		s.cfg.Log.Info("connection dropped: too many from this address", "address", conn.RemoteAddr().String())
		return nil
	}
	return conn
}

// New builds the server. It takes only public keys: with no password or
// keyboard-interactive handler set, the SSH library offers neither, and the key handler
// lets in only the registered keys of active clinicians.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Clock == nil || len(cfg.HostKey) == 0 {
		return nil, errors.New("serve: a store, a clock and a host key are needed")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 50
	}
	if cfg.PerAddress.Burst <= 0 {
		cfg.PerAddress = Rate{Burst: 10, Every: 6 * time.Second}
	}
	if cfg.FlushFor <= 0 {
		cfg.FlushFor = 10 * time.Second
	}
	s := &Server{cfg: cfg, hub: newHub(cfg.Store, cfg.Log), limit: newLimiter(cfg.PerAddress, cfg.Clock),
		conns: newLimiter(connectionRate, cfg.Clock)}
	srv, err := wish.NewServer(
		wish.WithHostKeyPEM(cfg.HostKey),
		wish.WithPublicKeyAuth(s.allowKey),
		wish.WithVersion("caseload"),
		wish.WithBannerHandler(func(ssh.Context) string { return banner }),
	)
	if err != nil {
		return nil, err
	}
	srv.HandshakeTimeout = 30 * time.Second
	srv.Handler = s.guarded(s.limited(s.identified(s.run)))
	srv.ConnCallback = s.admit
	srv.ConnectionFailedCallback = func(conn net.Conn, err error) {
		cfg.Log.Info("connection failed", "address", conn.RemoteAddr().String(), "error", err.Error())
	}
	s.ssh = srv
	cfg.Store.OnCommit(s.hub.changed)
	return s, nil
}

// banner is shown before a client authenticates: who this is and who gets in.
const banner = "caseload: the Enhanced RECONNECT team's server. Only keys a lead has registered get in.\r\n"

// Serve runs the server on ln until Shutdown. It also watches the file for changes
// made by other processes (caseload's commands run on the server: a key revoked, a
// restore), once a second for every session at once.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	go s.hub.watch(ctx)
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown ends every session the way a clinician's own quit would: each saves its
// drafts and is told reason, then the server closes. Sessions still open when ctx ends
// are cut off (their drafts are saved all the same, when their program stops).
func (s *Server) Shutdown(ctx context.Context, reason string) error {
	s.hub.stopAll(reason)
	waitErr := s.hub.wait(ctx)
	closeErr := s.ssh.Close()
	if waitErr != nil {
		// Cut off: each program stops now and saves its drafts as it goes. Wait for
		// that too, or the process would end (and close the store) under the saves.
		flushed, cancel := context.WithTimeout(context.Background(), s.cfg.FlushFor+lookupFor)
		defer cancel()
		if err := s.hub.wait(flushed); err != nil {
			return fmt.Errorf("%d sessions were still saving their drafts when the server stopped: %w", s.hub.count(), err)
		}
		return fmt.Errorf("sessions still open after %w were cut off; their drafts were saved", waitErr)
	}
	return closeErr
}

// Sessions is how many sessions are open now.
func (s *Server) Sessions() int { return s.hub.count() }
