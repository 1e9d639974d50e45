package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitRefusesAnExistingFile(t *testing.T) {
	db := tempDB(t)
	r := must(t, caseload(t, nil, "init", "--db", db))
	if r.stdout != "created empty database "+db+"\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	r = caseload(t, nil, "init", "--db", db)
	if r.code != exitWrong || !strings.Contains(r.stderr, "already exists") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("second init: exit %d, stderr %q; want 1 and one line saying it exists", r.code, r.stderr)
	}
}

func TestInitMakesTheDefaultDataFolder(t *testing.T) {
	home := t.TempDir()
	must(t, caseload(t, map[string]string{"HOME": home}, "init"))
	dir := filepath.Join(home, ".local", "share", "caseload")
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("data folder is %o, want 700: it holds clinical records", perm)
	}
	// With no --db, every command finds the same file.
	if r := must(t, caseload(t, map[string]string{"HOME": home}, "verify")); r.stdout != "ok\n" {
		t.Errorf("verify printed %q", r.stdout)
	}
}

func TestCommandsRefuseAMissingDatabase(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{{"verify"}, {"referrals", "list"}, {"referrals", "import", "x.csv"}, {}} {
		r := caseload(t, nil, append(args, "--db", db)...)
		if r.code != exitWrong || !strings.Contains(r.stderr, "caseload init") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and how to create one", args, r.code, r.stderr)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
}

func TestVerifyOK(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	if r := must(t, caseload(t, nil, "verify", "--db", db)); r.stdout != "ok\n" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
}
