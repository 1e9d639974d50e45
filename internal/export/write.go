package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFile when the file is there and force was not given.
var ErrExists = errors.New("the file exists")

// CheckTarget refuses, before anything is read or audited, a file that exists (unless
// force) or a folder that does not.
func CheckTarget(path string, force bool) error {
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: the folder to write it in does not exist", path)
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s cannot be checked: %w", path, err)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a plain file: it will not be replaced", path)
	case !force:
		return fmt.Errorf("%s: %w; give --force to replace it, or another name", path, ErrExists)
	}
	return nil
}

// WriteFile writes data to path whole or not at all: a temporary file in the same
// folder, readable by its owner only (0600: it is a person's clinical record), synced,
// then renamed over path, and the folder synced so the rename survives a crash. A file
// already at path is refused unless force.
func WriteFile(path string, data []byte, force bool) (err error) {
	if err := CheckTarget(path, force); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.part")
	if err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	if !force {
		// Link rather than rename: a file made at path since CheckTarget is not replaced.
		switch lerr := os.Link(tmp.Name(), path); {
		case errors.Is(lerr, fs.ErrExist):
			return fmt.Errorf("%s: %w; give --force to replace it, or another name", path, ErrExists)
		case lerr != nil:
			// A folder that takes no hard links (some network shares): rename, as --force does.
			if err = os.Rename(tmp.Name(), path); err != nil {
				return fmt.Errorf("%s could not be written: %w", path, err)
			}
		default:
			os.Remove(tmp.Name())
		}
	} else if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s could not be written: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // the file is whole already; a folder that cannot sync changes nothing
		d.Close()
	}
	return nil
}
