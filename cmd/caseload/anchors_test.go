package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/internal/anchor"
	"caseload/store"
)

// verify records a checkpoint each time, and checks the chain against them: a file put
// back to an older copy of itself has lost the entries since, and says how many.
func TestVerifyNamesEntriesLostSinceACheckpoint(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	older, err := os.ReadFile(s.db)
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.run(t, "clinicians", "add", "--db", s.db, "--name", "Dr New", "--role", "nurse"))
	must(t, s.run(t, "clinicians", "add", "--db", s.db, "--name", "Dr Newer", "--role", "nurse"))
	must(t, s.runAt(t, "2026-12-02T14:00:00Z", "verify", "--db", s.db))
	head := chainHeadOf(t, s.db)
	if err := os.WriteFile(s.db, older, 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.run(t, "verify", "--db", s.db)
	want := "audit log ends at " + anchor.Number(head-2) + "; the checkpoint of 2 December 14:00 saw " + anchor.Number(head) + ": 2 entries lost\n"
	if r.code != exitWrong || r.stdout != want || !strings.Contains(r.stderr, "1 problem found") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", r.code, r.stdout, r.stderr, want)
	}
}

// Entries cut from the end with sqlite_sequence lowered to match pass the store's own
// check of the chain; the checkpoint names them.
func TestAnchorsNameEntriesCutFromTheEnd(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	must(t, s.runAt(t, "2026-12-02T14:00:00Z", "verify", "--db", s.db))
	head := chainHeadOf(t, s.db)
	// As a careful forger would: the guard trigger put back as it was, so the schema
	// still matches its version.
	raw := rawDB(t, s.db)
	var guard string
	if err := raw.QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'audit_no_delete'").Scan(&guard); err != nil {
		t.Fatal(err)
	}
	execSQL(t, raw, "DROP TRIGGER audit_no_delete",
		"DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)",
		"UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM audit) WHERE name = 'audit'", guard)
	a := &cli{env: func(k string) string { return s.env[k] }}
	set, err := a.readAnchors(filepath.Join(s.data, "caseload", "anchors"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.OpenReadOnly(ctx, s.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := chainHead(ctx, st, s.db)
	if err != nil {
		t.Fatal(err)
	}
	err = checkAnchors(ctx, st, h, set)
	want := "audit log ends at " + anchor.Number(head-3) + "; the checkpoint of 2 December 14:00 saw " + anchor.Number(head) + ": 3 entries lost"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	// The rows those entries sealed are named too: the audit no longer saw them.
	if r := s.run(t, "verify", "--db", s.db); r.code != exitWrong || !strings.HasSuffix(r.stdout, "\n"+want+"\n") ||
		!strings.Contains(r.stdout, "no audit entry recorded it") {
		t.Errorf("verify: exit %d, stdout %q, stderr %q; want %q", r.code, r.stdout, r.stderr, want)
	}
}

// A file holding another database than the one checkpointed at its name is named.
func TestVerifyNamesAFileReplacedByAnotherDatabase(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	must(t, s.runAt(t, "2026-12-02T14:00:00Z", "verify", "--db", s.db))
	if err := os.Remove(s.db); err != nil {
		t.Fatal(err)
	}
	must(t, caseload(t, map[string]string{"CASELOAD_NOW": "2026-11-20T09:00:00Z"}, "demo", "--db", s.db))
	r := s.run(t, "verify", "--db", s.db)
	want := "the audit's first entry is not the one the checkpoint of 2 December 14:00 saw: the chain was rewritten from the start, or the file was replaced by another database"
	if r.code != exitWrong || !strings.Contains(r.stdout, want) {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// A rotated key signs the next checkpoints; the old key's still verify.
func TestRotatedAnchorKeyKeepsOldCheckpoints(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	must(t, s.run(t, "verify", "--db", s.db))
	r := must(t, s.run(t, "anchors", "rotate"))
	if !strings.HasPrefix(r.stdout, "new anchor key: ed25519 ") {
		t.Errorf("rotate said %q", r.stdout)
	}
	if v := must(t, s.run(t, "verify", "--db", s.db)); v.stdout != "ok\n" {
		t.Errorf("verify after rotate: %q", v.stdout)
	}
	show := must(t, s.run(t, "anchors", "show", "--format", "json", "--pretty"))
	if strings.Count(show.stdout, `"key": "`) != 2 || strings.Count(show.stdout, `"by": "verify"`) != 2 ||
		!strings.Contains(show.stdout, `"problems": []`) {
		t.Errorf("anchors show: %s", show.stdout)
	}
}

// A line of the anchors file changed by hand is named with its number, and fails verify.
func TestVerifyNamesAForgedCheckpoint(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	must(t, s.run(t, "verify", "--db", s.db))
	must(t, s.run(t, "verify", "--db", s.db))
	path := filepath.Join(s.data, "caseload", "anchors")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	lines[1] = strings.Replace(lines[1], `"entry":`, `"entry":1`, 1)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "caseload: line 2 of " + path + ": signature does not match\n"
	if r := s.run(t, "verify", "--db", s.db); r.code != exitWrong || r.stdout != strings.TrimPrefix(want, "caseload: ") {
		t.Errorf("exit %d, stdout %q, stderr %q; want %q", r.code, r.stdout, r.stderr, want)
	}
	if r := s.run(t, "anchors", "show"); r.code != exitWrong || r.stderr != want || !strings.Contains(r.stdout, "verify") {
		t.Errorf("anchors show: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestAnchorsShowBeforeAnyCheckpoint(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	r := must(t, s.run(t, "anchors", "show"))
	if !strings.Contains(r.stdout, "no checkpoints yet: "+filepath.Join(s.data, "caseload", "anchors")+" does not exist") {
		t.Errorf("anchors show said %q", r.stdout)
	}
}

func chainHeadOf(t *testing.T, db string) int64 {
	t.Helper()
	var n int64
	if err := rawDB(t, db).QueryRow("SELECT max(id) FROM audit").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
