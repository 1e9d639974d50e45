package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"filippo.io/age"
	"github.com/spf13/cobra"
)

// howToMakeAKey is said whenever a backup has nobody to encrypt to.
const howToMakeAKey = "make a key with caseload backup keygen --out FILE (or age-keygen -o FILE) and give its public key (age1...)"

// backupRecipients are the keys a backup is encrypted to: each --recipient and each
// line of --recipients-file. A backup nobody can open is no backup, so none is refused.
func backupRecipients(flags []string, file string) ([]age.Recipient, error) {
	var rs []age.Recipient
	for _, s := range flags {
		r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
		if err != nil {
			return nil, usage("--recipient %q is not an age public key (age1...): %s", s, howToMakeAKey)
		}
		rs = append(rs, r)
	}
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("cannot read the recipients file %s: %w", file, err)
		}
		defer f.Close()
		more, err := age.ParseRecipients(f)
		if err != nil {
			return nil, fmt.Errorf("%s is not a list of age public keys (one age1... a line; # starts a comment): %v", file, err)
		}
		rs = append(rs, more...)
	}
	if len(rs) == 0 {
		return nil, usage("backup needs --recipient AGE_PUBKEY or --recipients-file FILE: the backup is encrypted to them (the team's key and the offline recovery key); %s", howToMakeAKey)
	}
	return rs, nil
}

// readIdentity reads an age identity file (caseload backup keygen's, or age-keygen's).
func readIdentity(path string) ([]age.Identity, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the key file %s does not exist", path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the key file %s: %w", path, err)
	}
	defer f.Close()
	ids, err := age.ParseIdentities(f)
	if err != nil {
		return nil, fmt.Errorf("%s is not an age key file (a line AGE-SECRET-KEY-1...)", path)
	}
	return ids, nil
}

func (a *cli) backupKeygenCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "keygen --out FILE",
		Short: "Make an age key pair to encrypt backups to",
		Long: "keygen writes a new age private key to FILE (0600, never over a file) and prints\n" +
			"its public key, which backup --recipient takes. Make two: the team's key, kept\n" +
			"where restores are done, and the offline recovery key, printed, kept in the\n" +
			"service's safe and deleted from the computer (docs/BACKUP.md).",
		Example: "  caseload backup keygen --out team-backup.key",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(context.Context, []string) error {
			if out == "" {
				return usage("backup keygen needs --out FILE: where to write the private key")
			}
			id, err := age.GenerateX25519Identity()
			if err != nil {
				return err
			}
			f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists: caseload never overwrites a file (it may be a key backups need); choose a new name", out)
			}
			if err != nil {
				return fmt.Errorf("cannot write %s: %w", out, err)
			}
			_, err = fmt.Fprintf(f, "# created: %s\n# public key: %s\n%s\n",
				a.clock.Now().UTC().Format("2006-01-02T15:04:05Z"), id.Recipient(), id)
			if err == nil {
				err = f.Sync()
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				_ = os.Remove(out)
				return fmt.Errorf("cannot write %s: %w", out, err)
			}
			_, err = fmt.Fprintf(a.stdout, "wrote the private key to %s; its public key, for backup --recipient:\n%s\n", out, id.Recipient())
			return err
		}),
	}
	cmd.Flags().StringVar(&out, "out", "", "the file to write the private key to")
	return cmd
}
