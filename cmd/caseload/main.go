// Command caseload is the Enhanced RECONNECT team's caseload: with no subcommand it opens
// the terminal app on the database; its subcommands are the small headless tools the
// admin and scripts use (init, demo, referrals import|list, verify). This package only
// wires things together: flags, the clock, the database path, the actor; the rules live
// in internal/domain, the SQL in store and the screens in tui.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time (-ldflags "-X main.version=v1.2.3"). Empty, fang reports
// the module version from the build information instead.
var version = ""

func main() {
	// Cancelling the context on Ctrl-C, SIGTERM or SIGHUP (the terminal or the SSH
	// connection closed) rolls back an import in progress rather than leaving the
	// process to be killed mid-write, and stops the app, which then saves its drafts.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
