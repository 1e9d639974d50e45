package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"caseload/internal/anchor"
	"caseload/store"
)

func (a *cli) restoreCommand() *cobra.Command {
	var from, identity, anchors string
	var unanchored bool
	cmd := &cobra.Command{
		Use:   "restore --from FILE.age --identity KEYFILE --db NEW [--anchors FILE]",
		Short: "Make a new database from an encrypted backup, checked before it is put in place",
		Long: "restore decrypts a backup into a private temporary file beside NEW, checks it is a\n" +
			"caseload database, runs verify on it and checks its audit chain against the\n" +
			"checkpoints in the anchors file beside the backup (or --anchors FILE), and only\n" +
			"then puts it at NEW, which must not exist: restore never overwrites a file. It\n" +
			"reports what it restored. --unanchored restores a backup that no checkpoint names\n" +
			"(its anchors file lost): it still must verify.",
		Example: "  caseload restore --from /mnt/backup/caseload/caseload-20261202-140000.db.age --identity team-backup.key --db restored.db",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			switch {
			case a.dbFlag == "":
				return usage("restore needs --db NEW: the new database file to make (never an existing one)")
			case from == "":
				return usage("restore needs --from FILE.age: the backup to restore")
			case identity == "":
				return usage("restore needs --identity KEYFILE: the age key the backup was encrypted to")
			}
			ids, err := readIdentity(identity)
			if err != nil {
				return err
			}
			r, err := a.restoreBackup(ctx, from, ids, identity, a.db, anchors, unanchored)
			if err != nil {
				return err
			}
			a.reportRestore(r, "restored "+from+" to "+a.db)
			// The restored file's first checkpoint, in this computer's anchors file: the
			// next verify of it checks the chain from here.
			here, err := a.anchorsFile("")
			if err == nil {
				_, err = a.record(r.head, anchor.ByRestore, "", here)
			}
			if err != nil {
				return fmt.Errorf("%s was restored, but its checkpoint was not recorded: %w", a.db, err)
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&from, "from", "", "the backup file (caseload-YYYYMMDD-HHMMSS.db.age)")
	cmd.Flags().StringVar(&identity, "identity", "", "the age key file to decrypt it with")
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file to check it against (default: anchors beside the backup)")
	cmd.Flags().BoolVar(&unanchored, "unanchored", false, "restore a backup no checkpoint names (it must still verify)")
	return cmd
}

// restored is what a restore checked and put in place.
type restored struct {
	held        store.Holdings
	head        anchor.Head
	own, newer  *anchor.Checkpoint // the backup's checkpoint; the newest one beyond it
	anchorsFile string
}

// restoreBackup decrypts from into a private folder beside dst, checks it, and only if
// every check passes links it to dst (docs/BACKUP.md, "Restore"). Nothing is ever left
// at dst but a whole, checked database.
func (a *cli) restoreBackup(ctx context.Context, from string, ids []age.Identity, identity, dst, anchorsFlag string, unanchored bool) (restored, error) {
	var r restored
	if err := restoreTargetProblem(dst); err != nil {
		return r, err
	}
	r.anchorsFile = anchorsFlag
	if r.anchorsFile == "" {
		r.anchorsFile = filepath.Join(filepath.Dir(from), anchor.AnchorFile)
	}
	set, err := a.readAnchors(r.anchorsFile)
	if err != nil {
		return r, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dst), ".caseload-restore-") // 0700, on dst's disk
	if err != nil {
		return r, fmt.Errorf("cannot make a private temporary folder beside %s: %w", dst, err)
	}
	defer os.RemoveAll(tmp)
	plain := filepath.Join(tmp, "restored.db")
	if err := decryptInto(from, ids, identity, plain); err != nil {
		return r, err
	}
	err = a.withStoreAt(ctx, plain, func(st *store.Store) error {
		if err := st.Verify(ctx); err != nil {
			return fmt.Errorf("the database in %s does not verify, so it was not restored: %w", from, err)
		}
		if r.head, err = chainHead(ctx, st, dst); err != nil {
			return err
		}
		if r.own, r.newer, err = checkRestored(ctx, st, r.head, set, filepath.Base(from)); err != nil {
			return fmt.Errorf("%s was not restored: %w", from, err)
		}
		if r.own == nil && !unanchored {
			return fmt.Errorf("%s was not restored: no checkpoint in %s names it, so nothing shows it is the backup caseload wrote "+
				"(anyone with the public recipient key can make such a file); give the anchors file that has it with --anchors FILE, "+
				"or restore it anyway with --unanchored", from, r.anchorsFile)
		}
		r.held, err = st.Holdings(ctx)
		return err
	})
	if err != nil {
		return r, err
	}
	if err := placeNew(plain, dst); errors.Is(err, fs.ErrExist) {
		return r, fmt.Errorf("%s appeared while the backup was being restored: caseload never overwrites a file; choose a new name", dst)
	} else if err != nil {
		return r, fmt.Errorf("cannot put the restored database at %s: %w", dst, err)
	}
	return r, anchor.SyncDir(filepath.Dir(dst))
}

// restoreTargetProblem refuses a target that exists, and one with a -wal or -journal
// left beside it, which SQLite would pour into the restored file on its first open.
func restoreTargetProblem(dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s already exists: restore never overwrites a file; give --db a new name", dst)
	}
	for _, leftover := range []string{dst + "-wal", dst + "-journal"} {
		if _, err := os.Lstat(leftover); err == nil {
			return fmt.Errorf("%s is left over from an earlier database at %s: move it away (it may hold that database's last changes) and try again", leftover, dst)
		}
	}
	if fi, err := os.Stat(filepath.Dir(dst)); err != nil || !fi.IsDir() {
		return fmt.Errorf("the folder of %s does not exist", dst)
	}
	return nil
}

// withStoreAt is withStore on another file than --db.
func (a *cli) withStoreAt(ctx context.Context, path string, fn func(*store.Store) error) error {
	return withOpen(ctx, path, store.Open, fn)
}
