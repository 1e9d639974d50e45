package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"caseload/internal/anchor"
	"caseload/internal/domain"
	"caseload/store"
)

func (a *cli) backupCommand() *cobra.Command {
	var out, recipientsFile, anchors string
	var recipients []string
	var keep int
	cmd := &cobra.Command{
		Use:   "backup --db FILE --out DIR --recipient AGE_PUBKEY... [--recipients-file FILE] [--keep N]",
		Short: "Write an encrypted, checked backup of the database",
		Long: "backup copies the database as it stands (while the app is in use), checks the copy\n" +
			"(SQLite's integrity check, verify, and the audit chain against its checkpoints), and\n" +
			"only then writes it to DIR encrypted with age to every recipient, as\n" +
			"caseload-YYYYMMDD-HHMMSS.db.age (UTC). It records a checkpoint of the chain in the\n" +
			"anchors file and in DIR/anchors, and copies anchor.pub to DIR, so the folder\n" +
			"stands alone if the server is lost. The plaintext copy never leaves a private\n" +
			"temporary folder and is always removed. DIR must exist and must not be the\n" +
			"database's own folder. --keep N then removes all but the newest N backups.",
		Example: "  caseload backup --db team.db --out /mnt/backup/caseload --recipient age1... --recipient age1... --keep 30\n" +
			"  caseload backup check --out /mnt/backup/caseload --identity team-backup.key",
		Args: cobra.NoArgs,
	}
	cmd.RunE = a.runs(func(ctx context.Context, _ []string) error {
		if out == "" {
			return usage("backup needs --out DIR: the folder, on another disk, that the encrypted backups go in")
		}
		if keep < 0 {
			return usage("--keep %d: give how many backups to keep, 1 or more (0: keep all)", keep)
		}
		rs, err := backupRecipients(recipients, recipientsFile)
		if err != nil {
			return err
		}
		var done backupDone
		err = a.backup(ctx, out, rs, anchors, keep, &done)
		// The snapshot's checks are a whole verify of the database as it stood, so a
		// backup keeps the last verify on Today fresh as well as the last backup.
		if done.checked {
			a.recordSafety(ctx, domain.SafetyCheck{Kind: domain.SafetyVerify, OK: done.checkErr == nil,
				Problems: done.problems(done.checkErr), Head: done.head, Why: safetyWhy(done.checkErr)})
		}
		a.recordSafety(ctx, domain.SafetyCheck{Kind: domain.SafetyBackup, OK: err == nil, Problems: done.problems(err),
			Head: done.head, Backup: done.name, Why: safetyWhy(err)})
		return err
	})
	cmd.Flags().StringVar(&out, "out", "", "the folder the backups go in (not the database's own)")
	cmd.Flags().StringArrayVar(&recipients, "recipient", nil, "an age public key (age1...) to encrypt to; repeat for each")
	cmd.Flags().StringVar(&recipientsFile, "recipients-file", "", "a file of age public keys, one a line")
	cmd.Flags().IntVar(&keep, "keep", 0, "after the backup, remove all but the newest N backups in DIR (0: keep all)")
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file of checkpoints (default: anchors in the data folder)")
	cmd.AddCommand(a.backupKeygenCommand(), a.backupCheckCommand())
	return cmd
}

// backup takes one backup of a.db into out (docs/BACKUP.md, "Backups").
// backupDone is what a backup got as far as, for the outcome Today shows.
type backupDone struct {
	name     string // the backup file, once written
	head     int64  // the audit entry its snapshot ends at, once checked
	checked  bool   // the snapshot was taken and its checks ran
	checkErr error  // what they found
}

func (d backupDone) problems(err error) int {
	if err == nil {
		return 0
	}
	return 1
}

func (a *cli) backup(ctx context.Context, out string, rs []age.Recipient, anchorsFlag string, keep int, done *backupDone) error {
	if err := backupFolderProblem(a.db, out); err != nil {
		return err
	}
	anchorsPath, err := a.anchorsFile(anchorsFlag)
	if err != nil {
		return err
	}
	dirAnchors, err := filepath.Abs(filepath.Join(out, anchor.AnchorFile))
	if err != nil {
		return err
	}
	// --anchors may name the backup folder's own file: then it is one file, read once.
	files := uniq(anchorsPath, dirAnchors)
	// Both lists of checkpoints, read before the snapshot, so a failure here costs nothing.
	set, err := a.readAnchors(files...)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "caseload-backup-") // 0700: the snapshot is plaintext
	if err != nil {
		return fmt.Errorf("cannot make a private temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	snap := filepath.Join(tmp, "snapshot.db")
	// A night's backup can wait for a colleague's long write (an import) far longer
	// than a person at a command should: 30 seconds, not 5.
	patient := func(ctx context.Context, path string, _ store.Options) (*store.Store, error) {
		return store.Open(ctx, path, store.Options{BusyTimeout: 30 * time.Second})
	}
	if err := withOpen(ctx, a.db, patient, func(st *store.Store) error { return st.Snapshot(ctx, snap) }); err != nil {
		return err
	}
	var head anchor.Head
	var held store.Holdings
	err = withReadOnly(ctx, snap, func(st *store.Store) error {
		if err := st.IntegrityCheck(ctx); err != nil {
			return err
		}
		if err := st.Verify(ctx); err != nil {
			return err
		}
		if head, err = chainHead(ctx, st, a.db); err != nil {
			return err
		}
		if err := checkAnchors(ctx, st, head, set); err != nil {
			return err
		}
		held, err = st.Holdings(ctx)
		return err
	})
	done.checked, done.checkErr = ctx.Err() == nil, err
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return fmt.Errorf("backup not written: the copy of %s fails its checks: %w", a.db, err)
	}
	done.head = head.Entry
	name := "caseload-" + a.clock.Now().UTC().Format("20060102-150405") + ".db.age"
	size, err := encryptInto(snap, out, name, rs)
	if err != nil {
		return err
	}
	done.name = name
	c, err := a.record(head, anchor.ByBackup, name, files...)
	if err == nil {
		err = a.copyAnchorPub(out)
	}
	if err != nil {
		return fmt.Errorf("the backup %s was written, but its checkpoint was not recorded: %w", filepath.Join(out, name), err)
	}
	fmt.Fprintf(a.stdout, "backed up %s to %s (%s, encrypted to %d recipient%s)\n", a.db, filepath.Join(out, name),
		byteSize(size), len(rs), plural(len(rs)))
	fmt.Fprintf(a.stdout, "it holds %s audit entries, %s people, %s referrals and %s cases\n",
		anchor.Number(held.AuditEntries), anchor.Number(held.People), anchor.Number(held.Referrals), anchor.Number(held.Cases))
	fmt.Fprintf(a.stdout, "checkpoint: audit entry %s, hash %s, at %s, in %s\n", anchor.Number(c.Entry), c.Hash[:16],
		c.Time().In(a.london).Format("2 January 2006 15:04"), strings.Join(files, " and "))
	if same, known := sameFileSystem(a.db, out); known && same {
		// Allowed (a second disk may not be mounted yet on a new server), but said
		// every time: a backup on the database's own disk is lost with it.
		fmt.Fprintf(a.stderr, "caseload: warning: %s is on the same file system as %s: this backup is lost with that disk; "+
			"back up to another disk, or copy the folder to one\n", out, a.db)
	}
	if keep > 0 {
		return a.pruneBackups(out, keep)
	}
	return nil
}
