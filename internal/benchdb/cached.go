package benchdb

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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
	dir, err := cacheDir()
	if err != nil {
		tb.Fatal(err)
	}
	schema, err := schemaKey()
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, name+"-"+schema+".db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	start := time.Now()
	tmp := path + ".building"
	for _, leftover := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		_ = os.Remove(leftover)
	}
	if err := build(tmp); err != nil {
		tb.Fatalf("building %s: %v", name, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("built %s in %s", filepath.Base(path), time.Since(start).Round(time.Second))
	return path
}
