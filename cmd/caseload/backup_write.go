package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"filippo.io/age"

	"caseload/internal/anchor"
	"caseload/store"
)

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
func withReadOnly(ctx context.Context, path string, fn func(*store.Store) error) error {
	return withOpen(ctx, path, store.OpenReadOnly, fn)
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
	return size, anchor.SyncDir(dir)
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
