//go:build linux

package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A database the account may not write, in a folder it may not write, or may not read
// at all, is refused in one sentence saying which, by the real binary run under that
// account (nobody, when the tests run as root: see otherUID).
func TestPermissionFaults(t *testing.T) {
	bin := buildCaseload(t)
	as := child{bin: bin, asOwner: true}
	// placed puts a copy of the demo in a folder of the account's, with the modes given.
	placed := func(t *testing.T, fileMode, dirMode os.FileMode) (dir, db string) {
		dir = ownedDir(t)
		db = filepath.Join(dir, "team.db")
		demoDB(t, db)
		give(t, db)
		chmod(t, db, fileMode)
		chmod(t, dir, dirMode)
		return dir, db
	}
	add := []string{"clinicians", "add", "--name", "Jo Bloggs", "--role", "nurse", "--db"}

	t.Run("read-only file", func(t *testing.T) {
		_, db := placed(t, 0o400, 0o700)
		says(t, as.run(t, append(add, db)...),
			db+" is read-only for you (you may read it but not change it): nothing was written; ask for write access to the file")
		// Reading it is still allowed.
		if r := as.run(t, "verify", "--db", db); r.code != 0 || r.stdout != "ok\n" {
			t.Errorf("verify of a read-only file: exit %d %q %q", r.code, r.stdout, r.stderr)
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		dir, db := placed(t, 0o600, 0o500)
		sentence := "the folder " + dir + " is read-only for you, and caseload must make " + db + "-wal and " + db +
			"-shm beside the database, even to read it: nothing was written; ask for write access to the folder, or copy the file to one you may write to"
		says(t, as.run(t, append(add, db)...), sentence)
		says(t, as.run(t, "verify", "--db", db), sentence)
		if l := left(t, dir); !slices.Equal(l, []string{"team.db"}) {
			t.Errorf("the folder holds %v", l)
		}
	})

	t.Run("file not readable", func(t *testing.T) {
		_, db := placed(t, 0o000, 0o700)
		sentence := "you may not read " + db + " (permission denied): ask whoever looks after it to give your account access to the file and its folder"
		says(t, as.run(t, append(add, db)...), sentence)
		says(t, as.run(t, "referrals", "list", "--db", db), sentence)
	})

	t.Run("folder not searchable", func(t *testing.T) {
		_, db := placed(t, 0o600, 0o000)
		says(t, as.run(t, "verify", "--db", db),
			"you may not read "+db+" (permission denied): ask whoever looks after it to give your account access to the file and its folder")
	})

	// A failed init or demo leaves nothing in the folder, and the retry, once the folder
	// may be written, works.
	for _, command := range []string{"init", "demo"} {
		t.Run(command+" in a read-only folder", func(t *testing.T) {
			dir := ownedDir(t)
			chmod(t, dir, 0o500)
			db := filepath.Join(dir, "new.db")
			says(t, as.run(t, command, "--db", db), "cannot create "+db+": you may not write to the folder "+dir+
				" (permission denied): choose a folder of your own, or ask for write access")
			if l := left(t, dir); len(l) != 0 {
				t.Fatalf("left %v", l)
			}
			chmod(t, dir, 0o700)
			must(t, as.run(t, command, "--db", db))
			if r := as.run(t, "verify", "--db", db); r.stdout != "ok\n" {
				t.Errorf("verify after the retry: %q %q", r.stdout, r.stderr)
			}
		})
	}
}

// An init stopped by SIGINT or SIGTERM leaves nothing: not the file, nor a -wal, -shm
// or -journal that would block the retry.
func TestStoppedInitLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := caseloadIn(t, ctx, nil, "init", "--db", db); r.code != exitWrong || r.stderr != "caseload: stopped: nothing was written\n" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if l := left(t, dir); len(l) != 0 {
		t.Fatalf("a stopped init left %v", l)
	}
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "verify", "--db", db))
}
