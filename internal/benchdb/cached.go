package benchdb

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caseload/internal/clock"
)

// Cached is File for a database a benchmark builds itself (a package's own vocabulary
// of notes, say): build writes it at the path it is given, once; later runs find it in
// the cache folder under name and the schema's key, and a migration makes the next run
// build it again. Open it only to read, as File's.
func Cached(tb testing.TB, name string, build func(path string) error) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds a big database; skipped with -short")
	}
	path, took, err := cached(name, build)
	if err != nil {
		tb.Fatal(err)
	}
	if took > 0 {
		fi, _ := os.Stat(path)
		tb.Logf("built %s (%d MB) in %s", filepath.Base(path), fi.Size()>>20, took.Round(time.Second))
	}
	return path
}

// Ensure is File for a program outside the tests (scripts/benchprocess, which times the
// real binary): the cached fixture's path, built now if missing, and whether it was.
func Ensure(f Fixture) (path string, built bool, err error) {
	path, took, err := cached(f.Name(), func(path string) error { return build(path, f) })
	return path, took > 0, err
}

// cached is the one way into the cache: name's file at this schema, built by build
// beside it and renamed into place when missing (so a run stopped half way leaves no
// file that looks whole), and how long building it took (zero when it was there).
func cached(name string, build func(path string) error) (path string, took time.Duration, err error) {
	dir, err := cacheDir()
	if err != nil {
		return "", 0, err
	}
	schema, err := schemaKey()
	if err != nil {
		return "", 0, err
	}
	path = filepath.Join(dir, name+"-"+schema+".db")
	if _, err := os.Stat(path); err == nil {
		return path, 0, nil
	}
	tmp := path + ".building"
	// Another run building the same fixture keeps its files growing: leave them be.
	for _, f := range []string{tmp, tmp + "-wal"} {
		if fi, err := os.Stat(f); err == nil && time.Since(fi.ModTime()) < 2*time.Minute {
			return "", 0, fmt.Errorf("%s is being built by another run: try again once it is done", filepath.Base(path))
		}
	}
	for _, leftover := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		_ = os.Remove(leftover)
	}
	elapsed := clock.Stopwatch()
	if err := build(tmp); err != nil {
		return "", 0, fmt.Errorf("building %s: %w", name, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", 0, err
	}
	return path, max(elapsed(), time.Nanosecond), nil
}
