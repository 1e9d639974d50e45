package main

import (
	"bufio"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// TestCrashSigning kills the worker (TestCrashWorker: the app's autosave and signing of
// notes, addenda and formulations) with SIGKILL at random moments, on one database that
// each kill leaves for the next worker to open, started again from the demo every 20
// kills. After each kill: everything the worker reported committed is there as it
// reported it; every note, addendum and formulation version is a draft without a hash
// or signed with the hash of its content; PRAGMA integrity_check says ok and the real
// binary's caseload verify says ok (issue 12, crash test).
func TestCrashSigning(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes: not in -short")
	}
	skipUnderRace(t)
	rng := seeded(crashSeed(t))
	cycles := crashCycles(t)
	dir := t.TempDir()
	demo, live := filepath.Join(dir, "demo.db"), filepath.Join(dir, "live.db")
	demoDB(t, demo)
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	var seen committed
	var started time.Duration // from starting the worker to its first commit
	start, reports, killedWriting := time.Now(), 0, 0
	for cycle := range cycles {
		if cycle%20 == 0 {
			copyFile(t, demo, live)
			seen = committed{}
		}
		at = at.Add(4 * time.Hour) // each worker's changes later than the last's
		// Half the kills fall anywhere from the start (opening the file included), half
		// among the writes, after the first commit.
		var delay time.Duration
		afterFirst := cycle%2 == 1 || started == 0
		if afterFirst {
			delay = time.Duration(rng.Int64N(int64(150 * time.Millisecond)))
		} else {
			delay = time.Duration(rng.Int64N(int64(started) * 11 / 10))
		}
		out, first := killWorker(t, live, at, afterFirst, delay)
		if started == 0 {
			started = first
		}
		before := len(seen)
		seen.read(t, out)
		reports += strings.Count(out, "\n")
		if afterFirst {
			killedWriting++
		}
		what := fmt.Sprintf("cycle %d (killed %v after %s; %d records reported before)", cycle, delay,
			cmp.Or(map[bool]string{true: "its first commit"}[afterFirst], "it started"), before)
		if v := runBinary(t, "verify", "--db", live); v.code != 0 || v.stdout != "ok\n" {
			t.Fatalf("%s: verify exit %d: %s%s", what, v.code, v.stdout, v.stderr)
		}
		db := readDB(t, live, false)
		problem := signingProblem(db, seen)
		db.Close()
		if problem == "" {
			problem = signatureProblem(t, live)
		}
		if problem != "" {
			t.Fatalf("%s: %s", what, problem)
		}
	}
	took := time.Since(start)
	t.Logf("%d kills in %v, %.1f cycles a second (%d among the writes); the workers reported %d commits; a worker's first commit came %v after it started",
		cycles, took.Round(time.Millisecond), float64(cycles)/took.Seconds(), killedWriting, reports, started.Round(time.Millisecond))
}

// killWorker starts the worker on path, its first change at at, and SIGKILLs it delay
// after it started, or after its first commit; it returns what the worker printed and
// when its first commit came. A worker that stops by itself fails the test.
func killWorker(t *testing.T, path string, at time.Time, afterFirst bool, delay time.Duration) (string, time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWorker$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashWorkerDB+"="+path, crashWorkerAt+"="+at.Format(time.RFC3339))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	cmd.Stderr = &errOut
	began := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	firstLine, read := make(chan time.Duration, 1), make(chan string, 1)
	go func() {
		var out strings.Builder
		r := bufio.NewReader(stdout)
		for {
			line, err := r.ReadString('\n')
			if out.Len() == 0 && line != "" {
				firstLine <- time.Since(began)
			}
			out.WriteString(line)
			if err != nil {
				read <- out.String()
				return
			}
		}
	}()
	var first time.Duration
	if afterFirst {
		select {
		case first = <-firstLine:
		case out := <-read:
			_ = cmd.Wait()
			t.Fatalf("the worker stopped before its first commit: %s%s", out, errOut.String())
		}
	}
	time.Sleep(delay)
	_ = cmd.Process.Signal(os.Kill)
	out := <-read
	if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the worker stopped by itself (%v): %s%s", err, out, errOut.String())
	}
	if first == 0 {
		select {
		case first = <-firstLine:
		default:
		}
	}
	return out, first
}

// signingProblem checks, by plain SQL, that every record the worker reported is there
// as it reported it, and that no note, addendum or formulation version is half signed.
func signingProblem(db *sql.DB, seen committed) string {
	ctx := context.Background()
	if ok, err := integrityCheck(db); err != nil || ok != "ok" {
		return fmt.Sprintf("integrity_check: %s %v", ok, err)
	}
	for key, want := range seen {
		var kind string
		var id int64
		fmt.Sscanf(key, "%s %d", &kind, &id)
		var revision int
		var hash string
		var err error
		switch kind {
		case "note", "formulation":
			err = db.QueryRowContext(ctx, fmt.Sprintf("SELECT revision, ifnull(hash, '') FROM %ss WHERE id = ?", kind), id).Scan(&revision, &hash)
		case "addendum":
			err = db.QueryRowContext(ctx, "SELECT ifnull(hash, '') FROM addenda WHERE id = ?", id).Scan(&hash)
		}
		switch {
		case err != nil:
			return fmt.Sprintf("%s, reported committed: %v", key, err)
		case want.hash != "" && hash != want.hash:
			return fmt.Sprintf("%s was reported signed with hash %s; it has %q", key, want.hash, hash)
		case revision < want.draft:
			return fmt.Sprintf("%s was reported saved at revision %d; it is at %d", key, want.draft, revision)
		}
	}
	for _, table := range []string{"notes", "formulations"} {
		var half int
		if err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s WHERE (signed_at IS NULL) != (hash IS NULL)", table)).Scan(&half); err != nil || half > 0 {
			return fmt.Sprintf("%d %s signed without a hash or hashed unsigned (%v)", half, table, err)
		}
	}
	return ""
}

// signatureProblem reads every note (with its addenda) and formulation through the
// store, as the app does, and recomputes each signed one's hash from its content (domain's functions, not
// verify's): every draft has none, every signed record the hash of what it says.
func signatureProblem(t *testing.T, path string) string {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenReadOnly(ctx, path, store.Options{})
	if err != nil {
		return err.Error()
	}
	defer st.Close()
	raw := readDB(t, path, false)
	defer raw.Close()
	noteIDs, err := column(ctx, raw, "SELECT id FROM notes ORDER BY id")
	if err != nil {
		return err.Error()
	}
	for _, id := range noteIDs {
		var n domain.Note
		if _, err := fmt.Sscan(id, &n.ID); err != nil {
			return err.Error()
		}
		if n, err = st.Note(ctx, n.ID); err != nil {
			return err.Error()
		}
		if n.Signed() != (n.Hash != "") || (n.Signed() && domain.SignedNoteHash(n) != n.Hash) {
			return fmt.Sprintf("note %d: signed %v, hash %q does not match its content", n.ID, n.SignedAt, n.Hash)
		}
		for _, a := range n.Addenda {
			if domain.AddendumHash(a) != a.Hash {
				return fmt.Sprintf("addendum %d of note %d: hash %q does not match its content", a.ID, n.ID, a.Hash)
			}
		}
	}
	caseIDs, err := column(ctx, raw, "SELECT DISTINCT case_id FROM formulations ORDER BY case_id")
	if err != nil {
		return err.Error()
	}
	for _, id := range caseIDs {
		var caseID int64
		if _, err := fmt.Sscan(id, &caseID); err != nil {
			return err.Error()
		}
		fs, err := st.Formulations(ctx, caseID)
		if err != nil {
			return err.Error()
		}
		for _, f := range fs {
			if f.Signed() != (f.Hash != "") || (f.Signed() && domain.FormulationHash(f) != f.Hash) {
				return fmt.Sprintf("formulation %d (case %d, version %d): signed %v, hash %q does not match its content",
					f.ID, f.CaseID, f.Version, f.SignedAt, f.Hash)
			}
		}
	}
	return ""
}
