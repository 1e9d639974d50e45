package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"caseload/internal/applog"
	"caseload/internal/serve"
	"caseload/store"
	"caseload/tui"
)

// stopFor bounds how long SIGTERM waits for the sessions to save their drafts and
// close; systemd's own stop timeout (90 s) is longer.
const stopFor = 30 * time.Second

// stoppingWords is what every session is told when the server stops.
const stoppingWords = "the server is stopping: your work is saved"

func (a *cli) serveCommand() *cobra.Command {
	var listen, hostKey string
	var maxSessions int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the app to the team over SSH, from one process that owns the file",
		Long: "serve runs caseload for the whole team over SSH: each clinician connects with\n" +
			"ssh and the key a lead registered for them (caseload clinicians keys add), and\n" +
			"works as themselves. Only this process opens the file. It listens on this\n" +
			"machine alone unless --listen names another address. SIGTERM saves every\n" +
			"session's drafts and tells each the server is stopping. See docs/DEPLOY.md.",
		Example: "  caseload serve --db /srv/caseload/team.db\n" +
			"  caseload serve --db /srv/caseload/team.db --listen 10.0.4.2:2222",
		Args: cobra.NoArgs,
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:2222", "the address and port to listen on (beyond this machine is a deliberate choice)")
	cmd.Flags().StringVar(&hostKey, "host-key", "", "the server's host key (default: host_ed25519 in caseload's data folder, made the first time)")
	cmd.Flags().IntVar(&maxSessions, "max-sessions", 50, "the most sessions open at once")
	cmd.RunE = a.runs(func(ctx context.Context, _ []string) error {
		return a.withStore(ctx, func(st *store.Store) error {
			return a.serve(ctx, st, listen, hostKey, maxSessions)
		})
	})
	return cmd
}

func (a *cli) serve(ctx context.Context, st *store.Store, listen, hostKey string, maxSessions int) error {
	// Bubble Tea writes every message, keys included, to a file when these are set:
	// never for a session's typing.
	for _, v := range []string{"TEA_TRACE", "TEA_DEBUG"} {
		_ = os.Unsetenv(v)
	}
	keys, err := st.KeysThatConnect(ctx)
	if err != nil {
		return err
	}
	if keys == 0 {
		return fmt.Errorf("no clinician has a key in use, so no one could connect: add one with caseload clinicians keys add --db %s ID --file KEY.pub", st.Path())
	}
	if err := ownedAlone(st.Path()); err != nil {
		return err
	}
	if maxSessions < 1 {
		return usage("--max-sessions must be at least 1")
	}
	if hostKey == "" {
		dir, err := dataFolder(a.env)
		if err != nil {
			return usage("%v: set XDG_DATA_HOME or HOME, where the host key is kept, or give --host-key", err)
		}
		hostKey = filepath.Join(dir, "host_ed25519")
	}
	pem, fingerprint, err := serve.HostKey(hostKey)
	if err != nil {
		return err
	}
	dir, err := stateDir(a.env)
	if err != nil {
		return usage("%v: set XDG_STATE_HOME or HOME, where the server's log is kept", err)
	}
	logPath := filepath.Join(dir, "serve.log")
	log, logFile, err := applog.Open(logPath)
	if err != nil {
		return fmt.Errorf("cannot open the server's log %s: %w", logPath, err)
	}
	defer logFile.Close()
	tui.LogTo(log) // the sessions' errors and slow operations, in the server's log
	srv, err := serve.New(serve.Config{Store: st, Clock: a.clock, HostKey: pem, Log: log, MaxSessions: maxSessions})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", listen, err)
	}
	fmt.Fprintf(a.stdout, "caseload serve: %s on %s\n", st.Path(), ln.Addr())
	fmt.Fprintf(a.stdout, "host key %s\n  fingerprint %s: clinicians check it on their first connection\n", hostKey, fingerprint)
	fmt.Fprintf(a.stdout, "%d keys in use; log %s\n", keys, logPath)
	if !loopback(ln.Addr()) {
		fmt.Fprintln(a.stdout, "listening beyond this machine: only the office network should reach this port (docs/DEPLOY.md)")
	}
	log.Info("server started", "address", ln.Addr().String(), "host_key", fingerprint, "keys", keys)

	serveCtx, stopWatch := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWatch()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(serveCtx, ln) }()
	var serveErr error
	select {
	case serveErr = <-done:
		// The listener failed: the sessions still open are stopped as for SIGTERM.
		log.Error("server failed", "error", serveErr.Error())
	case <-ctx.Done():
	}
	fmt.Fprintf(a.stdout, "stopping: saving %d sessions' drafts\n", srv.Sessions())
	log.Info("server stopping", "sessions", srv.Sessions())
	stopCtx, cancel := context.WithTimeout(context.Background(), stopFor)
	defer cancel()
	if err := srv.Shutdown(stopCtx, stoppingWords); err != nil {
		log.Error("server stopped with sessions open", "error", err.Error())
		// Said here, not returned: a command stopped by a signal otherwise reports
		// "nothing was written", which is not what happened.
		fmt.Fprintln(a.stderr, "caseload serve: "+err.Error())
		return errReported
	}
	if serveErr != nil {
		return fmt.Errorf("the server stopped: %w", serveErr)
	}
	<-done
	log.Info("server stopped")
	fmt.Fprintln(a.stdout, "stopped")
	return nil
}

func loopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// ownedAlone refuses a file other accounts can reach, or a folder they can write to
// (and so replace the file in). Shared through a group, every clinician's account could
// copy or change the file with sqlite3; the point of serve is that only its own account
// can (docs/DEPLOY.md). The store itself refuses only a file every account can reach,
// since a team working without serve shares it through a group.
func ownedAlone(path string) error {
	for _, c := range []struct {
		path string
		mask os.FileMode
		fix  string
	}{{path, 0o077, "go-rwx"}, {filepath.Dir(path), 0o022, "go-w"}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			return fmt.Errorf("cannot check who can reach %s: %w", c.path, err)
		}
		if fi.Mode().Perm()&c.mask != 0 {
			return fmt.Errorf("%s can be reached by other accounts (mode %04o): caseload serve must be the only way to the records, so make it the service account's alone with chmod %s %s, then start again",
				c.path, fi.Mode().Perm(), c.fix, c.path)
		}
	}
	return nil
}
