// Package benchdb gives benchmarks the big databases of docs/PERFORMANCE.md: 20,000 or
// 100,000 referrals, a thousand open cases on the pathway, a million signed notes. They
// take from seconds to minutes to write, so each is built once and kept in the user's
// cache folder (~/.cache/caseload-bench), named by what it holds and by the schema it
// was written with: a migration makes the next run build it again. Only benchmarks use
// it, and only under -bench: `make test` never builds one.
//
// Everything in them is fictional (internal/demo's generators, NHS numbers from the 999
// test range), made at Now.
package benchdb

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Now is the instant every fixture is made at, and the one benchmarks run their clock at.
var Now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// Fixture names a database.
type Fixture struct {
	// Referrals is how many referrals (demo.ManyReferrals): of mixed status, about one
	// in four hundred still awaiting screening, unless Imported.
	Referrals int
	// Imported makes every referral one just received and not yet screened, as after
	// importing a service's backlog: every one of them is on Today's screening section.
	Imported bool
	// Pathway adds 1,000 open cases (or Cases) in every phase of the pathway, most of
	// their release dates moved and confirmed, and three forum meetings a case from a
	// year before Now to two months after, as a big service's file holds.
	Pathway bool
	// Cases is how many open cases the pathway has: 1,000 when zero.
	Cases int
	// Notes is how many signed notes, spread round robin over the open cases (Pathway
	// is implied when Notes > 0), about 60 words each.
	Notes int
}

// Name is the fixture's file name (without the schema's part).
func (f Fixture) Name() string {
	n := fmt.Sprintf("r%d", f.Referrals)
	if f.Imported {
		n += "-imported"
	}
	if f.pathway() {
		n += fmt.Sprintf("-c%d", f.cases())
	}
	if f.Notes > 0 {
		n += fmt.Sprintf("-n%d", f.Notes)
	}
	return n
}

func (f Fixture) pathway() bool { return f.Pathway || f.Notes > 0 || f.Cases > 0 }

func (f Fixture) cases() int {
	if f.Cases > 0 {
		return f.Cases
	}
	return 1_000
}

// File is the cached fixture's path, built now if missing. The file is shared between
// runs: open it only to read (store.OpenReadOnly), or use Copy.
func File(tb testing.TB, f Fixture) string {
	tb.Helper()
	return Cached(tb, f.Name(), func(path string) error { return build(path, f) })
}

// Copy is a copy of the fixture in tb's temporary folder, for a benchmark that writes
// (or opens read-write, which the app does).
func Copy(tb testing.TB, f Fixture) string {
	tb.Helper()
	src := File(tb, f)
	dst := filepath.Join(tb.TempDir(), filepath.Base(src))
	if err := copyFile(src, dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// cacheDir is where fixtures are kept: $CASELOAD_BENCH_CACHE when set (the package's
// own test uses a temporary folder), else the user's cache folder.
func cacheDir() (string, error) {
	if dir := os.Getenv("CASELOAD_BENCH_CACHE"); dir != "" {
		return dir, os.MkdirAll(dir, 0o700)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "caseload-bench")
	return dir, os.MkdirAll(dir, 0o700)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
