package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

func (a *cli) backupCheckCommand() *cobra.Command {
	var out, identity, anchors string
	cmd := &cobra.Command{
		Use:   "check --out DIR --identity KEYFILE",
		Short: "Restore the newest backup into a temporary folder and verify it",
		Long: "check proves the newest backup in DIR restores: it restores it, as restore does,\n" +
			"into a private temporary folder, checks it the same way, says what it holds, and\n" +
			"removes the copy. Exit status 1 on any failure.",
		Example: "  caseload backup check --out /mnt/backup/caseload --identity team-backup.key",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if out == "" || identity == "" {
				return usage("backup check needs --out DIR and --identity KEYFILE")
			}
			ids, err := readIdentity(identity)
			if err != nil {
				return err
			}
			names, err := backupsIn(out)
			if err != nil {
				return err
			}
			if len(names) == 0 {
				return fmt.Errorf("there is no backup in %s (no caseload-YYYYMMDD-HHMMSS.db.age)", out)
			}
			newest := filepath.Join(out, names[len(names)-1])
			tmp, err := os.MkdirTemp("", "caseload-backup-check-")
			if err != nil {
				return fmt.Errorf("cannot make a private temporary folder: %w", err)
			}
			defer os.RemoveAll(tmp)
			r, err := a.restoreBackup(ctx, newest, ids, identity, filepath.Join(tmp, "check.db"), anchors, false)
			if err != nil {
				return err
			}
			a.reportRestore(r, "the newest backup, "+newest+", restores:")
			return nil
		}),
	}
	cmd.Flags().StringVar(&out, "out", "", "the backup folder")
	cmd.Flags().StringVar(&identity, "identity", "", "the age key file to decrypt with")
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file to check against (default: DIR/anchors)")
	return cmd
}
