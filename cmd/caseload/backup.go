package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"caseload/internal/anchor"
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
		return a.backup(ctx, out, rs, anchors, keep)
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
func (a *cli) backup(ctx context.Context, out string, rs []age.Recipient, anchorsFlag string, keep int) error {
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
	if err := a.withStore(ctx, func(st *store.Store) error { return st.Snapshot(ctx, snap) }); err != nil {
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
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return fmt.Errorf("backup not written: the copy of %s fails its checks: %w", a.db, err)
	}
	name := "caseload-" + a.clock.Now().UTC().Format("20060102-150405") + ".db.age"
	size, err := encryptInto(snap, out, name, rs)
	if err != nil {
		return err
	}
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

// backupFolderProblem refuses a backup folder that does not exist (an unmounted disk's
// mount point would fill the server's own disk instead) or is the database's own folder
// (lost with the same disk), comparing real paths.
func backupFolderProblem(db, out string) error {
	realOut, err := filepath.EvalSymlinks(out)
	if err != nil {
		return fmt.Errorf("the backup folder %s does not exist: make it on another disk (mkdir -m 700 %s) and try again; "+
			"caseload does not make it, in case it is a disk that is not mounted", out, out)
	}
	if fi, err := os.Stat(realOut); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s is not a folder: --out names the folder the backups go in", out)
	}
	abs, err := filepath.Abs(db)
	if err != nil {
		return err
	}
	realDB, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err == nil && realDB == realOut {
		return fmt.Errorf("will not back up %s into its own folder %s: a backup there is lost with the same disk; give --out a folder on another disk", db, out)
	}
	return nil
}

// withReadOnly opens path to read one snapshot of it, runs fn and closes it.
func withReadOnly(ctx context.Context, path string, fn func(*store.Store) error) (err error) {
	st, err := store.OpenReadOnly(ctx, path, store.Options{})
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

// encryptInto encrypts the file src to rs as dir/name: written whole under a temporary
// name, synced, then linked into place, so the real name never holds half a backup, and
// never replaces a file. It returns the size written.
func encryptInto(src, dir, name string, rs []age.Recipient) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	f, err := os.CreateTemp(dir, "."+name+".partial-*") // 0600
	if err != nil {
		return 0, fmt.Errorf("cannot write in the backup folder %s: %w", dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	w, err := age.Encrypt(f, rs...)
	if err == nil {
		_, err = io.Copy(w, in)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = f.Sync()
	}
	var size int64
	if fi, serr := f.Stat(); serr == nil {
		size = fi.Size()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("backup not written: cannot write %s: %w", filepath.Join(dir, name), err)
	}
	if err := placeNew(tmp, filepath.Join(dir, name)); errors.Is(err, fs.ErrExist) {
		return 0, fmt.Errorf("backup not written: %s already exists, and caseload never overwrites a file; wait a second and try again", filepath.Join(dir, name))
	} else if err != nil {
		return 0, fmt.Errorf("backup not written: cannot name %s: %w", filepath.Join(dir, name), err)
	}
	return size, syncDir(dir)
}

// syncDir makes the names just made in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
