package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// importRun is one import the crash test kills: its arguments (the database last) and
// how long it takes when left to finish, which bounds the moment of the kill.
type importRun struct {
	name   string
	args   []string
	took   time.Duration
	opened time.Duration // from the start to the -wal appearing: open for writing
	after  string        // the dump of the database once the import has finished
}

// TestCrashImports runs the real binary's referrals and cases imports into a copy of
// the demo and kills each with SIGKILL at a random moment, from before it opens the
// file to after it has finished. After every kill the database holds all of the import
// or none of it (its whole dump equals the demo's or the finished import's), PRAGMA
// integrity_check says ok and caseload verify says ok (issue 12, crash test).
func TestCrashImports(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes: not in -short")
	}
	skipUnderRace(t)
	rng := seeded(crashSeed(t))
	cycles := crashCycles(t)
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	demoDB(t, demo)
	before, _ := dumpFile(t, demo, true)
	live := filepath.Join(dir, "live.db")

	var rows, cases strings.Builder
	for i := range 100 {
		// No prison number, PNC or CRN: each row is a person of their own.
		fmt.Fprintf(&rows, "2026-11-23 14:05,probation,Rachel Dunmore,Probation Service,rachel.dunmore@example.org,"+
			"Ann,Killed%s,1990-05-17,,,,,HMP Preston,2027-03-31,CRD,high,3,yes,Preston,no,Reason %d\n", letters(i), i)
	}
	for i := range 50 {
		fmt.Fprintf(&cases, "Bo,Killed%s,1980-01-02,,,,Dr Tom Halliwell,2026-10-01,2027-04-30,CRD,,,not_mappa,,Preston\n", letters(i))
	}
	runs := []*importRun{
		{name: "referrals import", args: []string{"referrals", "import", writeFile(t, "referrals.csv", importHeader+rows.String()), "--db", live}},
		{name: "cases import", args: []string{"cases", "import", writeFile(t, "cases.csv", casesHeader+cases.String()), "--db", live}},
	}
	for _, r := range runs {
		if r.finish(t, demo, live); r.after == before {
			t.Fatalf("%s changed nothing: the test could not tell all from none", r.name)
		}
	}

	start, finished, none, open, inWAL := time.Now(), 0, 0, 0, 0
	for cycle := range cycles {
		r := runs[cycle%len(runs)]
		copyFile(t, demo, live)
		// Half the kills fall anywhere in the run, from the process starting; the other
		// half once the database is open for writing (its -wal exists), where the import's
		// transaction is, which is a short part of a short run.
		var from string
		window := r.took
		if cycle%4 >= 2 {
			from, window = live+"-wal", max(r.took-r.opened, time.Millisecond)
		}
		delay := time.Duration(rng.Int64N(int64(window)*11/10 + 1))
		began := time.Now()
		exited, _ := killAfter(t, r.args, from, delay)
		if exited {
			finished++
			// The quickest run seen bounds the next kills: a run timed while the
			// machine was busy would put most kills after the import's end.
			if took := time.Since(began); from == "" && took < r.took {
				r.took = took
			}
		}
		wal := walBytes(live)
		what := fmt.Sprintf("cycle %d (%s killed %v after %s)", cycle, r.name, delay, cmp.Or(from, "it started"))
		if v := runBinary(t, "verify", "--db", live); v.code != 0 || v.stdout != "ok\n" {
			t.Fatalf("%s: verify exit %d: %s%s", what, v.code, v.stdout, v.stderr)
		}
		dump, integrity := dumpFile(t, live, false)
		if dump == before {
			none++
			if from != "" && !exited {
				open++
			}
		}
		if wal > 0 && !exited {
			inWAL++
		}
		switch {
		case integrity != "ok":
			t.Fatalf("%s: integrity_check: %s", what, integrity)
		case exited && dump != r.after:
			t.Fatalf("%s: the import finished, but the database is not as it left it: %s", what, firstDifference(r.after, dump))
		case dump != before && dump != r.after:
			t.Fatalf("%s: part of the import is there: %s", what, firstDifference(before, dump))
		}
	}
	took := time.Since(start)
	t.Logf("%d kills in %v, %.1f cycles a second: %d left none of the import (%d with the database open for writing), "+
		"%d all of it (%d had finished); %d left pages in the -wal; "+
		"the quickest whole run took %v (%s), %v (%s)", cycles, took.Round(time.Millisecond), float64(cycles)/took.Seconds(),
		none, open, cycles-none, finished, inWAL,
		runs[0].took.Round(time.Millisecond), runs[0].name, runs[1].took.Round(time.Millisecond), runs[1].name)
}

// finish runs the import to its end on a copy of demo, twice: the two must leave equal
// databases (the clock is fixed), or "all of it" could not be recognised after a kill.
func (r *importRun) finish(t *testing.T, demo, live string) {
	t.Helper()
	for try := range 2 {
		copyFile(t, demo, live)
		began := time.Now()
		exited, opened := killAfter(t, r.args, live+"-wal", time.Hour)
		if !exited {
			t.Fatalf("%s did not finish", r.name)
		}
		if took := time.Since(began); r.took == 0 || took < r.took {
			r.took, r.opened = took, opened
		}
		after, integrity := dumpFile(t, live, false)
		if integrity != "ok" {
			t.Fatalf("%s: integrity_check: %s", r.name, integrity)
		}
		if try == 1 && after != r.after {
			t.Fatalf("%s twice left two different databases: %s", r.name, firstDifference(r.after, after))
		}
		r.after = after
	}
}

// killAfter starts the real binary with args and SIGKILLs it delay after it started,
// or, when from names a file, delay after that file appeared (opened: when it did),
// unless it has exited by then; exited reports that it had, successfully. Any other
// ending fails the test.
func killAfter(t *testing.T, args []string, from string, delay time.Duration) (exited bool, opened time.Duration) {
	t.Helper()
	cmd := exec.Command(realBinary(t), args...)
	cmd.Env = binaryEnv(t.TempDir())
	var errOut strings.Builder
	cmd.Stderr = &errOut
	began := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	ended := func(err error) (bool, time.Duration) {
		if err != nil {
			t.Fatalf("%s exited on its own with %v: %s", strings.Join(args[:2], " "), err, errOut.String())
		}
		return true, opened
	}
	for from != "" {
		if _, err := os.Stat(from); err == nil {
			opened = time.Since(began)
			break
		}
		select {
		case err := <-done:
			return ended(err)
		case <-time.After(200 * time.Microsecond):
		}
	}
	select {
	case err := <-done:
		return ended(err)
	case <-time.After(delay):
		_ = cmd.Process.Signal(os.Kill)
		// Wait says nil only when the process finished as the signal was sent.
		return <-done == nil, opened
	}
}

// dumpFile is the dump of the database at path and its integrity_check, read by the
// driver alone (through the -wal a killed process left).
func dumpFile(t *testing.T, path string, immutable bool) (dump, integrity string) {
	t.Helper()
	db := readDB(t, path, immutable)
	defer db.Close()
	integrity, err := integrityCheck(db)
	if err == nil {
		dump, err = dumpTables(context.Background(), db)
	}
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return dump, integrity
}

// letters names row i with letters alone (A, B, ..., Z, BA, ...), as a family name may
// hold no digits.
func letters(i int) string {
	s := string(rune('A' + i%26))
	for i /= 26; i > 0; i /= 26 {
		s = string(rune('A'+i%26)) + s
	}
	return s
}

// walBytes is the size of the -wal beside path: pages written, committed or not.
func walBytes(path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}
