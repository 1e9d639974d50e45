package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"caseload/internal/anchor"
)

// backupName is the name of a backup this command wrote, and nothing else: --keep and
// backup check never touch another file.
var backupName = regexp.MustCompile(`^caseload-[0-9]{8}-[0-9]{6}\.db\.age$`)

// backupsIn lists the backups in dir, oldest first (the names sort by time).
func backupsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the backup folder %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && backupName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// pruneBackups removes all but the newest keep backups in dir, and says which.
func (a *cli) pruneBackups(dir string, keep int) error {
	names, err := backupsIn(dir)
	if err != nil {
		return err
	}
	if len(names) <= keep {
		return nil
	}
	old := names[:len(names)-keep]
	for _, n := range old {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return fmt.Errorf("cannot remove the old backup %s: %w", filepath.Join(dir, n), err)
		}
	}
	_, err = fmt.Fprintf(a.stdout, "removed %d older backup%s (--keep %d): %s to %s\n", len(old), plural(len(old)), keep, old[0], old[len(old)-1])
	return err
}

// copyAnchorPub puts the public keys of anchor.pub in the backup folder's anchor.pub,
// so its checkpoints can be checked when the server and its data folder are gone. The
// folder's own lines are kept (a server rebuilt with a new key must not make the old
// checkpoints there unverifiable) and the new ones added; the file is replaced whole
// (written aside, then renamed).
func (a *cli) copyAnchorPub(dir string) error {
	keys, err := a.keyFolder()
	if err != nil {
		return err
	}
	ours, err := os.ReadFile(filepath.Join(keys, anchor.PubFile))
	if err != nil {
		return err
	}
	theirs, err := os.ReadFile(filepath.Join(dir, anchor.PubFile))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	b := mergeLines(theirs, ours)
	f, err := os.CreateTemp(dir, ".anchor.pub-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, anchor.PubFile))
	}
	return err
}

// mergeLines is the lines of a, then those of b not in a.
func mergeLines(a, b []byte) []byte {
	seen := map[string]bool{}
	var out []byte
	for _, l := range append(bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))...) {
		if len(bytes.TrimSpace(l)) == 0 || seen[string(l)] {
			continue
		}
		seen[string(l)] = true
		out = append(append(out, l...), '\n')
	}
	return out
}
