package main

import (
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// backupSetup is a demo database in a folder of its own, a separate backup folder, a
// data folder for the anchor key and anchors (XDG_DATA_HOME), and two age keys made
// for the test: the team's and the offline recovery key.
type backupSetup struct {
	db, out, data  string
	env            map[string]string
	teamKey, spare string // key files
	team, offline  string // their public keys
}

func newBackupSetup(t *testing.T) *backupSetup {
	t.Helper()
	s := &backupSetup{db: filepath.Join(t.TempDir(), "team.db"), out: t.TempDir(), data: t.TempDir()}
	s.env = map[string]string{"XDG_DATA_HOME": s.data}
	demoDB(t, s.db)
	s.teamKey, s.team = ageKey(t)
	s.spare, s.offline = ageKey(t)
	return s
}

// ageKey writes a new age identity to a file 0600 and returns it with its public key.
func ageKey(t *testing.T) (file, recipient string) {
	t.Helper()
	k, err := newAgeKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return k.file, k.recipient
}

type ageKeyFile struct{ file, recipient string }

func newAgeKey(dir string) (ageKeyFile, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return ageKeyFile{}, err
	}
	f, err := os.CreateTemp(dir, "key-*.txt")
	if err != nil {
		return ageKeyFile{}, err
	}
	_, err = f.WriteString("# a test key\n" + id.String() + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return ageKeyFile{f.Name(), id.Recipient().String()}, err
}

func ageKeyB(b *testing.B) (ageKeyFile, error) {
	k, err := newAgeKey(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return k, nil
}

func benchRecipient(b *testing.B) string {
	k, _ := ageKeyB(b)
	return k.recipient
}

func (s *backupSetup) run(t *testing.T, args ...string) result {
	t.Helper()
	return caseload(t, s.env, args...)
}

func (s *backupSetup) runAt(t *testing.T, now string, args ...string) result {
	t.Helper()
	env := map[string]string{"CASELOAD_NOW": now}
	for k, v := range s.env {
		env[k] = v
	}
	return caseload(t, env, args...)
}

// backup takes one backup encrypted to both keys and returns the file it wrote.
func (s *backupSetup) backup(t *testing.T, extra ...string) string {
	t.Helper()
	r := must(t, s.run(t, append([]string{"backup", "--db", s.db, "--out", s.out, "--recipient", s.team, "--recipient", s.offline}, extra...)...))
	return backupFileIn(t, r.stdout)
}

// backupFileIn is the file a backup's report names.
func backupFileIn(t *testing.T, stdout string) string {
	t.Helper()
	_, rest, ok := strings.Cut(stdout, " to ")
	f, _, ok2 := strings.Cut(rest, " (")
	if !ok || !ok2 {
		t.Fatalf("no backup file in %q", stdout)
	}
	return f
}

// rawDB opens a database file with database/sql directly, past every check of the
// store, as someone with the sqlite3 shell would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func execSQL(t *testing.T, db *sql.DB, queries ...string) {
	t.Helper()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func notThere(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s exists; it should not", p)
		}
	}
}

// onlyFiles fails unless dir holds exactly the files named (hidden ones included).
func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// forge changes a database the way a careful forger with the sqlite3 shell would: the
// guard trigger dropped, the change made, the trigger put back as it was (so the schema
// still matches its version and only verify can tell).
func forge(t *testing.T, db *sql.DB, trigger string, queries ...string) {
	t.Helper()
	var guard string
	if err := db.QueryRow("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", trigger).Scan(&guard); err != nil {
		t.Fatalf("trigger %s: %v", trigger, err)
	}
	execSQL(t, db, append(append([]string{"DROP TRIGGER " + trigger}, queries...), guard)...)
}
