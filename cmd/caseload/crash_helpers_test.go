package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The environment of the crash and corruption tests: CASELOAD_CRASH_SEED replays a
// failure (every failure prints the seed it ran with); CASELOAD_TORTURE_CYCLES sets the
// kills per crash test (make torture: 1,000).
const (
	crashSeedEnv   = "CASELOAD_CRASH_SEED"
	crashCyclesEnv = "CASELOAD_TORTURE_CYCLES"
)

// crashSeed is the seed of one test's random choices: from CASELOAD_CRASH_SEED when set,
// otherwise new each run. It is logged, so a failure names the seed that replays it.
func crashSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", crashSeedEnv, s, err)
		}
	}
	t.Logf("seed %d (replay with %s=%d)", seed, crashSeedEnv, seed)
	return seed
}

// skipUnderRace skips a crash or corruption test in the race detector's run, where the
// pure-Go SQLite runs ten times slower: the crash tests' code runs in other processes,
// built without the detector, and the corruption test's commands read as the package's
// other tests do under it. make test runs them in full without it.
func skipUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("not under the race detector: make test runs it in full without it")
	}
}

func seeded(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// crashCycles is the number of kills a crash test makes: CASELOAD_TORTURE_CYCLES when
// set, otherwise 60 (two tests: 120 in make crash; make test sets 30 each).
func crashCycles(t *testing.T) int {
	t.Helper()
	s := os.Getenv(crashCyclesEnv)
	if s == "" {
		return 60
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a number of cycles", crashCyclesEnv, s)
	}
	return n
}

// realBinary builds caseload (without the race detector: it is the program as shipped)
// once for the package and returns its path. The crash tests need a process of its own
// to kill; the in-process caseload helper cannot be killed.
func realBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "caseload-cmd-bin-")
		if err != nil {
			binErr = err
			return
		}
		binDir, binPath = dir, filepath.Join(dir, "caseload")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

var (
	binOnce         sync.Once
	binDir, binPath string
	binErr          error
)

// binaryEnv is the environment of a caseload process: the tests' fixed clock and a home
// folder of its own.
func binaryEnv(home string) []string {
	return append(os.Environ(), "CASELOAD_NOW="+testNow, "HOME="+home, "USER=tester")
}

// runBinary runs the built caseload to its end.
func runBinary(t *testing.T, args ...string) result {
	t.Helper()
	r := runProcess(realBinary(t), t.TempDir(), args...)
	if r.code < 0 {
		t.Fatal(r.stderr)
	}
	return r
}

// runProcess runs the caseload at bin to its end with home as its home folder; a
// process that could not be run is code -1 with the reason on stderr.
func runProcess(bin, home string, args ...string) result {
	cmd := exec.Command(bin, args...)
	cmd.Env = binaryEnv(home)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return result{-1, "", err.Error()}
		}
		code = ee.ExitCode()
	}
	return result{code, out.String(), errOut.String()}
}

// copyFile copies the database file alone (the demo's is closed, so it holds
// everything), removing any -wal and -shm a killed process left at to.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o600)
	}
	for _, suf := range []string{"-wal", "-shm"} {
		if err == nil {
			if err = os.Remove(to + suf); os.IsNotExist(err) {
				err = nil
			}
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}

// readDB opens path through the driver alone, bypassing the store's checks: what the
// tests compare must not depend on the code under test. Read-only; immutable reads
// the main file alone (for a file with no -wal), locking nothing. The caller closes it.
func readDB(t *testing.T, path string, immutable bool) *sql.DB {
	t.Helper()
	q := "mode=ro"
	if immutable {
		q += "&immutable=1"
	}
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: q}).String())
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// integrityCheck is PRAGMA integrity_check's answer: "ok" or its first problem.
func integrityCheck(db *sql.DB) (string, error) {
	var first string
	err := db.QueryRowContext(context.Background(), "PRAGMA integrity_check(1)").Scan(&first)
	return first, err
}

// dumpTables is every row of every table in the file, the schema itself (with
// sqlite_sequence and the search indexes' shadow tables) included: table by table,
// rows as quoted values, sorted. Two files with equal dumps hold the same content.
func dumpTables(ctx context.Context, db *sql.DB) (string, error) {
	var b strings.Builder
	var appID, version int
	if err := db.QueryRowContext(ctx, "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)").
		Scan(&appID, &version); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "application_id %d user_version %d\n", appID, version)
	names, err := column(ctx, db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	if err != nil {
		return "", err
	}
	for _, name := range append([]string{"sqlite_schema"}, names...) {
		query := fmt.Sprintf(`SELECT %s FROM "%s"`, rowExpr(ctx, db, name), name)
		if index, ok := strings.CutSuffix(name, "_data"); ok && strings.HasSuffix(index, "_search") {
			// A search index's pages: what they say (every term at every place), not
			// their bytes, which hold space no reader looks at (verify compares terms).
			if _, err := db.ExecContext(ctx, fmt.Sprintf(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."%s_terms" USING fts5vocab(main, "%s", instance)`, index, index)); err != nil {
				return "", fmt.Errorf("table %s: %w", name, err)
			}
			query = fmt.Sprintf(`SELECT quote(term) || ',' || doc || ',' || quote(col) || ',' || "offset" FROM temp."%s_terms"`, index)
		}
		rows, err := column(ctx, db, query)
		if err != nil {
			return "", fmt.Errorf("table %s: %w", name, err)
		}
		slices.Sort(rows)
		fmt.Fprintf(&b, "== %s (%d rows)\n%s\n", name, len(rows), strings.Join(rows, "\n"))
	}
	return b.String(), nil
}

// rowExpr is one SQL expression joining every column of table as quoted text. A
// column list that cannot be read (the schema itself damaged) gives one that fails.
func rowExpr(ctx context.Context, db *sql.DB, table string) string {
	cols, err := column(ctx, db, fmt.Sprintf(`SELECT name FROM pragma_table_info('%s')`, table))
	if err != nil || len(cols) == 0 {
		return "no_such_column"
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = fmt.Sprintf(`quote("%s")`, c)
	}
	return strings.Join(parts, " || ',' || ")
}

// column is the first column of every row of query, as text.
func column(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s.String)
	}
	return out, rows.Err()
}

// firstDifference shows where two dumps (or two outputs) part, naming the dump's table.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	table := ""
	for i := range min(len(al), len(bl)) {
		if strings.HasPrefix(al[i], "== ") {
			table = "table " + strings.TrimPrefix(al[i], "== ") + ", "
		}
		if al[i] != bl[i] {
			return fmt.Sprintf("%sline %d:\n  was: %s\n  now: %s", table, i+1, around(al[i], bl[i]), around(bl[i], al[i]))
		}
	}
	return fmt.Sprintf("one stops at line %d, the other at %d", len(al), len(bl))
}

// around is line cut to its start and the part where it first differs from other.
func around(line, other string) string {
	at := 0
	for at < min(len(line), len(other)) && line[at] == other[at] {
		at++
	}
	if at < 100 {
		return fmt.Sprintf("%.200q", line)
	}
	return fmt.Sprintf("%.40q … %.120q", line, line[at-50:])
}
