package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"caseload/internal/csvfile"
	"caseload/internal/export"
	"caseload/internal/report"
	"caseload/store"
)

// reportKeyCommand makes the service's extract key: 32 random bytes in hex, in a file
// readable by its owner only, never replaced (a new key would give everyone new
// pseudonyms, and the evaluation could no longer follow a person from one extract to
// the next). The key is never put in the database, so a copy of the file alone cannot
// link the extract back to people.
func (a *cli) reportKeyCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "key --out FILE",
		Short: "Make the service's key for the evaluation's extract (once; keep it safe, outside the database)",
		Long: "key writes a new random 32-byte key, in hex, to FILE, readable by you only. The\n" +
			"extract's pseudonyms are keyed hashes made with it: the same key gives a person the\n" +
			"same pseudonym in every extract, so keep it, back it up apart from the database, and\n" +
			"never send it with an extract. An existing file is never replaced.",
		Example: "  caseload report key --out /etc/caseload/extract.key",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(context.Context, []string) error {
			if out == "" {
				return usage("key needs the file to write: --out FILE")
			}
			if _, err := os.Lstat(out); err == nil {
				return usage("%s already exists: an extract key is never replaced (a new one gives everyone new pseudonyms); keep it, or give another name", out)
			}
			key := make([]byte, report.KeySize)
			if _, err := rand.Read(key); err != nil {
				return fmt.Errorf("no random key could be made: %w", err)
			}
			if err := export.WriteFile(out, []byte(hex.EncodeToString(key)+"\n"), false); err != nil {
				return err
			}
			_, err := fmt.Fprintf(a.stdout, "Wrote the extract key to %s (readable by you only). Keep it: a new key gives everyone new pseudonyms.\n", out)
			return err
		}),
	}
	cmd.Flags().StringVar(&out, "out", "", "the key file to make")
	return cmd
}

// readExtractKey reads the key at path, refusing a file others may read (the key is
// what keeps the pseudonyms from being made again from ids) and anything but 64 hex
// digits.
func readExtractKey(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, usage("--key %s: there is no such file; make the key once with caseload report key --out %s", path, path)
	case err != nil:
		return nil, fmt.Errorf("--key %s cannot be read: %w", path, err)
	case info.Mode().Perm()&0o077 != 0:
		return nil, usage("--key %s can be read by others (mode %04o): make it yours only with chmod 600 %s",
			path, info.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--key %s cannot be read: %w", path, err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != report.KeySize {
		return nil, usage("--key %s is not an extract key (64 hex digits): make one with caseload report key", path)
	}
	return key, nil
}

// writeExtract writes the evaluation's extract (docs/EXTRACT.md): checked before
// anything is read or audited, then read and audited in one transaction
// (store.ExtractReport), then written whole to o.out, readable by its owner only.
func (a *cli) writeExtract(ctx context.Context, o reportOptions) error {
	switch {
	case o.out == "":
		return usage("--extract needs the file to write: --out FILE.csv")
	case o.key == "":
		return usage("--extract needs the service's key: --key FILE (make it once with caseload report key)")
	case o.suppress || o.format != "table":
		return usage("--extract writes one CSV of people, not counts: leave out --format and --suppress-small")
	}
	from, to, err := reportPeriod(o.from, o.to)
	if err != nil {
		return err
	}
	key, err := readExtractKey(o.key)
	if err != nil {
		return err
	}
	// Refused before anything is read or audited, as export person is.
	if err := export.CheckTarget(o.out, o.force); err != nil {
		return err
	}
	return a.withStore(ctx, func(st *store.Store) error {
		f, err := st.ExtractReport(ctx, a.actor, a.clock.Now(), from, to)
		if err != nil {
			return err
		}
		rows := report.ExtractRows(f, from, to, key)
		var b bytes.Buffer
		w := csvfile.NewWriter(&b, report.ExtractColumns(), report.ExtractNumeric()...)
		for _, row := range rows {
			_ = w.Write(row) // kept by the writer and returned by Flush
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := export.WriteFile(o.out, b.Bytes(), o.force); err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.stdout, "Wrote %d people referred from %s to %s to %s (audited as report.extracted).\n",
			len(rows), from, to, o.out)
		return err
	})
}
