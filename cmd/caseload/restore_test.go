package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// Every bad backup, wrong key or taken name is refused with its own sentence, and
// nothing is left at --db nor beside it.
func TestRestoreRefusals(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	file := s.backup(t)
	cipher, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	variant := func(name string, b []byte) string {
		p := filepath.Join(s.out, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	truncated := variant("caseload-20261124-090001.db.age", cipher[:len(cipher)*2/3])
	flipped := append([]byte(nil), cipher...)
	flipped[len(flipped)/2] ^= 0x01
	tampered := variant("caseload-20261124-090002.db.age", flipped)
	headless := variant("caseload-20261124-090003.db.age", cipher[:40])
	wrongKey, _ := ageKey(t)

	existing := filepath.Join(t.TempDir(), "existing.db")
	if err := os.WriteFile(existing, []byte("someone's file"), 0o600); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(t.TempDir(), "new.db")
	if err := os.WriteFile(leftover+"-wal", []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, key, db, want string
	}{
		{"wrong key", file, wrongKey, "", file + " was not encrypted to this key (" + wrongKey + "): nothing was restored"},
		{"truncated", truncated, s.teamKey, "", truncated + " is cut short"},
		{"tampered", tampered, s.teamKey, "", tampered + " is cut short, damaged or altered: age cannot authenticate it, so nothing was restored"},
		{"its header cut", headless, s.teamKey, "", headless + " is not a whole age-encrypted backup"},
		{"over an existing file", file, s.teamKey, existing, existing + " already exists: restore never overwrites a file"},
		{"beside a leftover -wal", file, s.teamKey, leftover, leftover + "-wal is left over from an earlier database"},
		{"a key file that is not one", file, writeFile(t, "k", "hello\n"), "", "is not an age key file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.db
			if db == "" {
				db = filepath.Join(t.TempDir(), "restored.db")
			}
			r := s.run(t, "restore", "--from", tt.from, "--identity", tt.key, "--db", db)
			if r.code != exitWrong || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, tt.want)
			}
			if tt.db == "" {
				onlyFiles(t, filepath.Dir(db))
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "someone's file" {
		t.Error("the existing file was changed")
	}
}

// A file made by someone holding only the public recipient key (age does not say who
// encrypted) holding a database that does not verify is refused; so is one that
// verifies but is not the database its checkpoint saw.
func TestRestoreRefusesABackupThatIsNotTheOneWritten(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	file := s.backup(t)
	plain := filepath.Join(t.TempDir(), "plain.db")
	ids, err := readIdentity(s.teamKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := decryptInto(file, ids, s.teamKey, plain); err != nil {
		t.Fatal(err)
	}
	forge(t, rawDB(t, plain), "audit_no_update", `UPDATE audit SET detail = '{"x":1}' WHERE id = 5`)
	reencrypt(t, plain, file, s.team)
	r := s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", filepath.Join(t.TempDir(), "r.db"))
	if r.code != exitWrong || !strings.Contains(r.stderr, "the database in "+file+" does not verify, so it was not restored: audit entry 5") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}

	// Another database, whole and verifying, put in the backup's name.
	other := filepath.Join(t.TempDir(), "other.db")
	must(t, caseload(t, map[string]string{"CASELOAD_NOW": "2026-11-20T09:00:00Z"}, "demo", "--db", other))
	reencrypt(t, other, file, s.team)
	r = s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", filepath.Join(t.TempDir(), "r.db"))
	if r.code != exitWrong || !strings.Contains(r.stderr, "no checkpoint in "+filepath.Join(s.out, "anchors")+" names it") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func reencrypt(t *testing.T, plain, to, recipient string) {
	t.Helper()
	rcp, err := age.ParseX25519Recipient(recipient)
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, rcp)
	if err == nil {
		_, err = w.Write(in)
	}
	if err == nil {
		err = w.Close()
	}
	if err == nil {
		err = os.WriteFile(to, buf.Bytes(), 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// A backup whose anchors file is lost is refused, unless --unanchored; it must still
// verify then.
func TestRestoreWithoutItsCheckpoint(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	file := s.backup(t)
	if err := os.Remove(filepath.Join(s.out, "anchors")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "r.db")
	r := s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", db)
	if r.code != exitWrong || !strings.Contains(r.stderr, "or restore it anyway with --unanchored") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	notThere(t, db)
	r = must(t, s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", db, "--unanchored"))
	if !strings.Contains(r.stdout, "it verifies, but no checkpoint in "+filepath.Join(s.out, "anchors")+" names it (--unanchored)") {
		t.Errorf("restore said %q", r.stdout)
	}
	// The checkpoints of the server's own anchors file serve as well.
	r = must(t, s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", filepath.Join(t.TempDir(), "r2.db"),
		"--anchors", filepath.Join(s.data, "caseload", "anchors")))
	if !strings.Contains(r.stdout, "matches its checkpoint") {
		t.Errorf("restore said %q", r.stdout)
	}
}

// An older backup restores, and says what is not in it: the entries later checkpoints saw.
func TestRestoreOfAnOlderBackupSaysWhatItLacks(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	old := s.backup(t)
	must(t, s.run(t, "clinicians", "add", "--db", s.db, "--name", "Dr New", "--role", "nurse"))
	newer := backupFileIn(t, must(t, s.runAt(t, "2026-11-25T10:00:00Z", "backup", "--db", s.db, "--out", s.out, "--recipient", s.team)).stdout)
	r := must(t, s.run(t, "restore", "--from", old, "--identity", s.teamKey, "--db", filepath.Join(t.TempDir(), "r.db")))
	if !strings.Contains(r.stdout, "a later checkpoint (25 November 10:00, by backup) saw audit entry") ||
		// The clinician, and the first backup's own outcome (its verify and itself),
		// recorded for Today after its snapshot.
		!strings.Contains(r.stdout, ": 3 audit entries recorded after this backup are not in it") {
		t.Errorf("restore said %q", r.stdout)
	}
	c := must(t, s.run(t, "backup", "check", "--out", s.out, "--identity", s.teamKey))
	if !strings.Contains(c.stdout, "caseload-20261125-100000.db.age, restores:") || strings.Contains(c.stdout, "later checkpoint") {
		t.Errorf("backup check said %q", c.stdout)
	}
	// The older backup put in the newer one's name is not the database its checkpoint saw.
	b, err := os.ReadFile(old)
	if err == nil {
		err = os.WriteFile(newer, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
	r = s.run(t, "restore", "--from", newer, "--identity", s.teamKey, "--db", filepath.Join(t.TempDir(), "r.db"))
	if r.code != exitWrong || !strings.Contains(r.stderr, "it is not the database its checkpoint of 25 November 10:00 saw: that ended at audit entry") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestBackupCheckFailsOnABadNewestBackup(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	file := s.backup(t)
	b, _ := os.ReadFile(file)
	if err := os.WriteFile(file, b[:len(b)-100], 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.run(t, "backup", "check", "--out", s.out, "--identity", s.teamKey)
	if r.code != exitWrong || !strings.Contains(r.stderr, file+" is cut short") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	empty := t.TempDir()
	r = s.run(t, "backup", "check", "--out", empty, "--identity", s.teamKey)
	if r.code != exitWrong || !strings.Contains(r.stderr, "there is no backup in "+empty) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
