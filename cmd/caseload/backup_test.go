package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// A backup taken while another session keeps writing is a whole, checked database:
// restore puts it in place and it verifies, and backup check proves it with either key.
func TestBackupWhileWritingRestoresAndVerifies(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var writes int
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		st, err := store.Open(ctx, s.db, store.Options{})
		if err != nil {
			writeErr = err
			return
		}
		defer st.Close()
		for ctx.Err() == nil {
			c := domain.Clinician{Name: fmt.Sprintf("Writer %d", writes), Role: "nurse", Active: true}
			if _, err := st.AddClinician(context.Background(), "os:writer", time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), c); err != nil {
				writeErr = err
				return
			}
			writes++
		}
	}()
	time.Sleep(50 * time.Millisecond)
	file := s.backup(t)
	stop()
	wg.Wait()
	if writeErr != nil {
		t.Fatal(writeErr)
	}
	if writes == 0 {
		t.Fatal("the writer wrote nothing: the backup was not taken during writes")
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v (%v), want 0600", file, fi.Mode().Perm(), err)
	}
	if !regexp.MustCompile(`^caseload-20261124-090000\.db\.age$`).MatchString(filepath.Base(file)) {
		t.Errorf("backup named %s", filepath.Base(file))
	}
	onlyFiles(t, s.out, "anchor.pub", "anchors", filepath.Base(file))

	restoredDB := filepath.Join(t.TempDir(), "restored.db")
	r := must(t, s.run(t, "restore", "--from", file, "--identity", s.teamKey, "--db", restoredDB))
	for _, want := range []string{"restored " + file + " to " + restoredDB, "people", "last change: 24 November 2026 09:00 by os:",
		"it verifies, and matches its checkpoint of 24 November 09:00"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("restore said %q; want %q in it", r.stdout, want)
		}
	}
	if fi, err := os.Stat(restoredDB); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("restored file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	onlyFiles(t, filepath.Dir(restoredDB), "restored.db")
	if v := must(t, s.run(t, "verify", "--db", restoredDB)); v.stdout != "ok\n" {
		t.Errorf("verify of the restored file: %q", v.stdout)
	}

	for _, key := range []string{s.teamKey, s.spare} {
		c := must(t, s.run(t, "backup", "check", "--out", s.out, "--identity", key))
		if !strings.Contains(c.stdout, "restores:") || !strings.Contains(c.stdout, "matches its checkpoint") {
			t.Errorf("backup check said %q", c.stdout)
		}
	}
}

func TestBackupReportsWhatItWrote(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	r := must(t, s.run(t, "backup", "--db", s.db, "--out", s.out, "--recipient", s.team, "--recipient", s.offline))
	want := regexp.MustCompile(`^backed up \S+team\.db to \S+caseload-20261124-090000\.db\.age \([0-9.]+ kB, encrypted to 2 recipients\)
it holds [0-9,]+ audit entries, [0-9,]+ people, [0-9,]+ referrals and [0-9,]+ cases
checkpoint: audit entry [0-9,]+, hash [0-9a-f]{16}, at 24 November 2026 09:00, in \S+/caseload/anchors and \S+/anchors
$`)
	if !want.MatchString(r.stdout) {
		t.Errorf("backup said:\n%s", r.stdout)
	}
	// The test's folders share one file system, as a backup on the server's own disk would.
	if !strings.Contains(r.stderr, "caseload: warning: "+s.out+" is on the same file system as "+s.db+": this backup is lost with that disk") {
		t.Errorf("no warning of the one disk: stderr %q", r.stderr)
	}
	// The backup folder stands alone: its anchors and the public key that signed them.
	pub, err := os.ReadFile(filepath.Join(s.out, "anchor.pub"))
	mine, _ := os.ReadFile(filepath.Join(s.data, "caseload", "anchor.pub"))
	if err != nil || string(pub) != string(mine) || !strings.HasPrefix(string(pub), "ed25519 ") {
		t.Errorf("anchor.pub in the backup folder: %q (%v), want %q", pub, err, mine)
	}
}

func TestBackupRefusals(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Dir(s.db), link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no recipient", []string{"--out", s.out}, exitUsage,
			"backup needs --recipient AGE_PUBKEY or --recipients-file FILE: the backup is encrypted to them (the team's key and the offline recovery key); make a key with caseload backup keygen --out FILE"},
		{"not a recipient", []string{"--out", s.out, "--recipient", "age1nope"}, exitUsage, `--recipient "age1nope" is not an age public key`},
		{"the database's own folder", []string{"--out", filepath.Dir(s.db), "--recipient", s.team}, exitWrong,
			"will not back up " + s.db + " into its own folder"},
		{"its own folder by a symbolic link", []string{"--out", link, "--recipient", s.team}, exitWrong, "into its own folder " + link},
		{"a folder that does not exist", []string{"--out", filepath.Join(s.out, "unmounted"), "--recipient", s.team}, exitWrong,
			"does not exist: make it on another disk"},
		{"no --out", []string{"--recipient", s.team}, exitUsage, "backup needs --out DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.run(t, append([]string{"backup", "--db", s.db}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tt.code, tt.want)
			}
			onlyFiles(t, s.out)
			onlyFiles(t, filepath.Dir(s.db), "team.db")
		})
	}
}

// A database that fails its checks is not backed up, and the reason is given.
func TestBackupOfADatabaseThatFailsVerifyIsNotWritten(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	forge(t, rawDB(t, s.db), "audit_no_update", `UPDATE audit SET detail = '{"x":1}' WHERE id = 5`)
	r := s.run(t, "backup", "--db", s.db, "--out", s.out, "--recipient", s.team)
	if r.code != exitWrong || !strings.Contains(r.stderr, "backup not written: the copy of "+s.db+" fails its checks: audit entry 5") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	onlyFiles(t, s.out)
}

// --keep N leaves the newest N backups and never touches another file.
func TestBackupKeep(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	mine := filepath.Join(s.out, "caseload-notes.txt")
	if err := os.WriteFile(mine, []byte("not a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"backup", "--db", s.db, "--out", s.out, "--recipient", s.team, "--keep", "2"}
	for i, now := range []string{"2026-11-24T09:00:00Z", "2026-11-25T09:00:00Z", "2026-11-26T09:00:00Z", "2026-11-27T09:00:00Z"} {
		r := must(t, s.runAt(t, now, args...))
		if said := strings.Contains(r.stdout, "removed"); said != (i >= 2) {
			t.Errorf("backup %d said %q", i, r.stdout)
		}
	}
	onlyFiles(t, s.out, "anchor.pub", "anchors", "caseload-20261126-090000.db.age", "caseload-20261127-090000.db.age", "caseload-notes.txt")
	// Two backups in the same second: the second is refused, never over the first.
	r := s.runAt(t, "2026-11-27T09:00:00Z", args...)
	if r.code != exitWrong || !strings.Contains(r.stderr, "already exists, and caseload never overwrites a file") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestBackupKeygen(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	key := filepath.Join(t.TempDir(), "team.key")
	r := must(t, caseload(t, nil, "backup", "keygen", "--out", key))
	pub := regexp.MustCompile(`age1[0-9a-z]+`).FindString(r.stdout)
	if pub == "" {
		t.Fatalf("no public key in %q", r.stdout)
	}
	if fi, err := os.Stat(key); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	if _, err := readIdentity(key); err != nil {
		t.Fatal(err)
	}
	again := caseload(t, nil, "backup", "keygen", "--out", key)
	if again.code != exitWrong || !strings.Contains(again.stderr, "already exists: caseload never overwrites a file") {
		t.Errorf("exit %d, stderr %q", again.code, again.stderr)
	}
	// The key it made encrypts a backup that it restores.
	s := newBackupSetup(t)
	file := strings.TrimSpace(backupFileIn(t, must(t, s.run(t, "backup", "--db", s.db, "--out", s.out, "--recipient", pub)).stdout))
	must(t, s.run(t, "restore", "--from", file, "--identity", key, "--db", filepath.Join(t.TempDir(), "r.db")))
}

// --anchors naming the backup folder's own anchors file makes one file, written once.
func TestBackupAnchorsInTheFolderItself(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	anchors := filepath.Join(s.out, "anchors")
	r := must(t, s.run(t, "backup", "--db", s.db, "--out", s.out, "--recipient", s.team, "--anchors", anchors))
	if !strings.Contains(r.stdout, ", in "+anchors+"\n") {
		t.Errorf("backup said %q", r.stdout)
	}
	b, err := os.ReadFile(anchors)
	if err != nil || strings.Count(string(b), "\n") != 1 {
		t.Errorf("%s holds %q (%v), want one checkpoint", anchors, b, err)
	}
	notThere(t, filepath.Join(s.data, "caseload", "anchors"))
}
