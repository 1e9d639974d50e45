package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) demoCommand() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Create a database of fictional referrals to try caseload on",
		Long: "demo creates a new database holding invented clinicians and about forty invented\n" +
			"referrals, relative to now (CASELOAD_NOW pins it). The older ones have been screened,\n" +
			"taken to consultation, accepted (opening a case) or withdrawn, each decision recorded\n" +
			"under the service's rules as a clinician would record it, so every state the queue\n" +
			"can show is there. The cases opened have their records: formulation versions, signed\n" +
			"and draft, notes of every kind of contact, addenda, and unsigned drafts, one over a day\n" +
			"old. Nobody in it is real; NHS numbers are from the 999 test range.\n" +
			"--force replaces a database that demo made; it refuses any other file.",
		Example: "  caseload demo --db demo.db\n  CASELOAD_NOW=2026-11-24T09:00:00Z caseload demo --db demo.db --force",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			// Fictional people must never land in the default database, where someone
			// could go on to record real ones beside them.
			if a.dbFlag == "" {
				return usage("demo needs --db FILE: demo data never goes in the default database")
			}
			if force {
				if err := a.removeForDemo(ctx); err != nil {
					return err
				}
			}
			return a.createDemo(ctx)
		}),
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it is a demo database made by caseload demo (never any other)")
	return cmd
}

// removeForDemo clears the way for --force. It removes only a database caseload demo
// made (store.IsDemo), never one that may hold real records, nor some other file at a
// mistyped path; what it refuses it leaves as it was.
func (a *cli) removeForDemo(ctx context.Context) error {
	if _, err := os.Stat(a.db); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	st, err := store.Open(ctx, a.db, store.Options{})
	if err != nil {
		return fmt.Errorf("will not replace %s: %w", a.db, err)
	}
	demo, err := st.IsDemo(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if !demo {
		return fmt.Errorf("will not replace %s: it is a caseload database that caseload demo did not make, so it may hold real records; "+
			"give demo another --db, or move the file away yourself if you are sure", a.db)
	}
	// The last connection to close removes the WAL; one still there means another
	// session has the file open, and removing the file under it would lose its work.
	if _, err := os.Lstat(a.db + "-wal"); err == nil {
		return fmt.Errorf("will not replace %s: another caseload has it open; close it and try again", a.db)
	}
	for _, p := range []string{a.db, a.db + "-wal", a.db + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove %s: %w", p, err)
		}
	}
	return nil
}

// createDemo makes the database and fills it in one go, under a temporary name beside
// --db, and moves it into place only when it is whole: a demo stopped part-way (an error,
// a signal, even SIGKILL) never leaves a half-made database at --db for verify to pass
// or the app to open. A temporary file left by a killed demo is its own, and is cleared
// by the next one.
func (a *cli) createDemo(ctx context.Context) (err error) {
	if _, err := os.Lstat(a.db); err == nil {
		return fmt.Errorf("%s already exists: caseload never overwrites a file; open it with --db %s or choose a new name", a.db, a.db)
	}
	tmp := filepath.Join(filepath.Dir(a.db), "."+filepath.Base(a.db)+".demo-partial")
	removeDB := func(p string) {
		for _, f := range []string{p, p + "-wal", p + "-shm"} {
			_ = os.Remove(f)
		}
	}
	removeDB(tmp)
	defer removeDB(tmp)
	// What the store says of the temporary file is said of --db, the name the person
	// typed: the two are in one folder, on one disk.
	defer func() { err = sayOf(err, tmp, a.db) }()
	st, err := store.CreateDemo(ctx, tmp, a.clock.Now())
	if err != nil {
		return err
	}
	got, err := demo.Populate(ctx, st, a.actor, a.clock.Now())
	var summary string
	if err == nil {
		summary, err = demoStatuses(ctx, st)
	}
	if cerr := st.Close(); err == nil {
		err = cerr // the last close checkpoints the WAL into the file: it is whole now
	}
	if err != nil {
		return err
	}
	if err := placeNoClobber(tmp, a.db); err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "created demo database %s: %d referrals (%s), %d clinicians, %d decisions; "+
		"%d open cases with %d notes, %d addenda and %d formulation versions (%d unsigned); "+
		"%d cases held before caseload, imported; %d release and forum entries; "+
		"%d cases closed, %d handed over, %d subject access request open, %d outcome measures\n",
		a.db, got.Referrals, summary, got.Clinicians, got.Decisions,
		got.Cases, got.Notes, got.Addenda, got.Formulations, got.Drafts, got.Imported, got.Pathway,
		got.Closed, got.Handovers, got.AccessRequests, got.Measures)
	return err
}

// sayOf is err with a store error about the file tmp told of the file db instead.
func sayOf(err error, tmp, db string) error {
	var se *store.Error
	if !errors.As(err, &se) || se.Path != tmp {
		return err
	}
	return &store.Error{Kind: se.Kind, Path: db, Msg: strings.ReplaceAll(se.Msg, tmp, db), Cause: se.Cause}
}

// placeNoClobber moves the finished file from to its name to, never over a file that
// appeared there meanwhile (placeNew).
func placeNoClobber(from, to string) error {
	err := placeNew(from, to)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s appeared while the demo was being made: caseload never overwrites a file; choose a new name", to)
	}
	return err
}

// demoStatuses counts the referrals in each state, in pathway order, as the store now
// holds them: "15 received, 9 screened in, ...".
func demoStatuses(ctx context.Context, st *store.Store) (string, error) {
	rs, err := st.Referrals(ctx)
	if err != nil {
		return "", err
	}
	counts := map[domain.ReferralStatus]int{}
	for _, r := range rs {
		counts[r.Status]++
	}
	var parts []string
	for _, s := range domain.Statuses {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s.Label()))
		}
	}
	return strings.Join(parts, ", "), nil
}
