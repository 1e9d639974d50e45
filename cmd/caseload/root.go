package main

import (
	"context"
	"errors"
	"io"
	"os/user"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"caseload/internal/clock"
	"caseload/store"
)

// cli is one run of the command: where it writes, what it was told, and what setup
// resolved from the environment. Commands read these fields instead of globals, so that
// tests can run many in one process.
type cli struct {
	stdout, stderr io.Writer
	env            func(string) string

	dbFlag string // --db as typed; "" when not given
	db     string // the database file, resolved by setup
	inData bool   // db is the default in the user's data folder, which may not exist yet
	clock  clock.Clock
	london *time.Location
	actor  string // who the audit names: "os:" + the account name

	started bool // a command's own code began running (see exitCode)

	accessible bool // --accessible: the app speaks instead of drawing (accessible.go)
}

// run runs caseload with args (without the program name) and returns the exit code. It
// is main without the process: tests call it with their own writers and environment.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) string) int {
	if wantsHelp(args) {
		h := &helpOut{to: stdout, width: helpWidth(env, stdout)}
		defer h.flush()
		stdout = h
	}
	a := &cli{stdout: stdout, stderr: stderr, env: env}
	root := a.rootCommand()
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root, fang.WithVersion(builtVersion()), fang.WithErrorHandler(a.printError))
	return a.exitCode(err)
}

func (a *cli) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "caseload",
		Short: "The Enhanced RECONNECT team's caseload",
		Long: "caseload holds the Enhanced RECONNECT team's caseload in one SQLite file.\n" +
			"With no command it opens the terminal app on the database.",
		Example:           "  caseload init --db team.db\n  caseload --db team.db\n  caseload referrals import --db team.db referrals.csv",
		PersistentPreRunE: a.setup,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			return a.withStore(ctx, func(st *store.Store) error {
				return a.runApp(ctx, st)
			})
		}),
	}
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "",
		"the database file (default: $CASELOAD_DB, else caseload.db in your data folder)")
	root.Flags().BoolVar(&a.accessible, "accessible", false,
		"for screen readers: no drawn screen; after each key, what changed in sentences (also when TERM=dumb)")
	root.AddCommand(a.initCommand(), a.demoCommand(), a.referralsCommand(), a.casesCommand(), a.cliniciansCommand(), a.searchCommand(),
		a.verifyCommand(), a.settingsCommand(), a.anchorsCommand(), a.backupCommand(), a.restoreCommand(), a.serveCommand(),
		a.retentionCommand(), a.accessRequestsCommand(), a.teamCommand(), a.exportCommand(), a.measuresCommand(),
		a.reportCommand())
	return root
}

// setup resolves what every command needs before it runs. A malformed CASELOAD_NOW or a
// data folder that cannot be found is the way caseload was started, not the data, so
// both are usage errors.
func (a *cli) setup(*cobra.Command, []string) error {
	clk, err := clock.FromEnv(a.env)
	if err != nil {
		return usageError{err}
	}
	a.clock, a.london, a.actor = clk, clock.London(), osActor(user.Current, a.env)
	a.db = a.dbFlag
	if a.db == "" {
		if a.db, err = defaultDBPath(a.env); err != nil {
			return usageError{err}
		}
		a.inData = a.env("CASELOAD_DB") == ""
	}
	return nil
}

// runs marks the moment a command's own code starts, so exitCode can tell cobra's
// usage errors (which come before) from the command's (which come after).
func (a *cli) runs(fn func(ctx context.Context, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.started = true
		ctx := cmd.Context()
		err := fn(ctx, args)
		if err != nil && ctx.Err() != nil && !errors.Is(err, errReported) {
			// SIGINT or SIGTERM cancelled the command: every write is one transaction,
			// rolled back, and a half-made demo is removed, so nothing was written. The
			// driver's words ("context canceled", "sql: statement is closed") say nothing
			// to a person.
			return errStopped
		}
		return err
	}
}

// errStopped is what a command stopped by a signal says.
var errStopped = errors.New("stopped: nothing was written")

// withStore opens the existing database, runs fn and closes it, reporting a failed close
// (the final checkpoint) if nothing else went wrong.
func (a *cli) withStore(ctx context.Context, fn func(*store.Store) error) error {
	return withOpen(ctx, a.db, store.Open, fn)
}

// withSnapshot opens the database to read one snapshot of it (store.OpenReadOnly), for
// the commands that only read: they never take the write lock, nor wait while a
// colleague holds it.
func (a *cli) withSnapshot(ctx context.Context, fn func(*store.Store) error) error {
	return withOpen(ctx, a.db, store.OpenReadOnly, fn)
}

// withOpen opens path with open, runs fn and closes the store, reporting the close's
// error when fn had none: every command's one way to hold a database.
func withOpen(ctx context.Context, path string, open func(context.Context, string, store.Options) (*store.Store, error),
	fn func(*store.Store) error) (err error) {
	st, err := open(ctx, path, store.Options{})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); err == nil {
			err = cerr
		}
	}()
	return fn(st)
}
