package main

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/store"
)

// A backup records its outcome, and the verify of its snapshot, for a lead's Today; a
// failed one records why; verify records only when asked (--record), so a check never
// changes what it checks unless the nightly job says so.
func TestBackupAndVerifyRecordTheirOutcomes(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	checks := func() (verify, backup string) {
		t.Helper()
		st, err := store.OpenReadOnly(context.Background(), s.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		c, err := st.SafetyChecks(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return fmtCheck(c.LastVerify.OK, c.LastVerify.At.IsZero(), c.LastVerify.Why),
			fmtCheck(c.LastBackup.OK, c.LastBackup.At.IsZero(), c.LastBackup.Why+" "+c.LastBackup.Backup)
	}
	must(t, s.run(t, "verify", "--db", s.db))
	if v, b := checks(); v != "never" || b != "never" {
		t.Fatalf("after a verify without --record: verify %s, backup %s", v, b)
	}
	must(t, s.run(t, "verify", "--db", s.db, "--record"))
	if v, _ := checks(); v != "ok " {
		t.Errorf("after verify --record: %q", v)
	}
	r := must(t, s.runAt(t, "2026-11-25T10:00:00Z", "backup", "--db", s.db, "--out", s.out, "--recipient", s.team))
	if v, b := checks(); v != "ok " || b != "ok  caseload-20261125-100000.db.age" {
		t.Errorf("after a backup: verify %q, backup %q (%s)", v, b, r.stdout)
	}
	// A backup refused (the database's own folder) records the failure and why.
	if r := s.run(t, "backup", "--db", s.db, "--out", filepath.Dir(s.db), "--recipient", s.team); r.code != exitWrong {
		t.Fatalf("backup into the database's folder: exit %d", r.code)
	}
	if _, b := checks(); b[:6] != "FAILED" || len(b) < 20 {
		t.Errorf("after a refused backup: %q", b)
	}
}

func fmtCheck(ok, never bool, why string) string {
	switch {
	case never:
		return "never"
	case ok:
		return "ok " + why
	}
	return "FAILED " + why
}
