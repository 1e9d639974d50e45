package benchdb

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Ensure is File for a program outside the tests (scripts/benchprocess, which times the
// real binary): the cached fixture's path, built now if missing, and whether it was.
// File could call it; it is kept apart so that the two read the same cache by the same
// names (cacheDir, Name, schemaKey) without File changing.
func Ensure(f Fixture) (path string, built bool, err error) {
	dir, err := cacheDir()
	if err != nil {
		return "", false, err
	}
	schema, err := schemaKey()
	if err != nil {
		return "", false, err
	}
	path = filepath.Join(dir, f.Name()+"-"+schema+".db")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	tmp := path + ".building"
	// Another run building the same fixture keeps its files growing: leave them be.
	for _, f := range []string{tmp, tmp + "-wal"} {
		if fi, err := os.Stat(f); err == nil && time.Since(fi.ModTime()) < 2*time.Minute {
			return "", false, fmt.Errorf("%s is being built by another run: try again once it is done", filepath.Base(path))
		}
	}
	for _, leftover := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		_ = os.Remove(leftover)
	}
	if err := build(tmp, f); err != nil {
		return "", false, err
	}
	return path, true, os.Rename(tmp, path)
}
