package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// A damaged WAL frame makes SQLite stop reading the WAL there, silently dropping the
// commits in and after it: the file is then consistent with itself, and only a
// checkpoint taken before the damage can say what was lost (issue 12, finding 2).
func TestVerifyNamesCommitsLostWithADamagedWAL(t *testing.T) {
	skipUnderRace(t) // files, keys and other processes: make test runs it without
	s := newBackupSetup(t)
	ctx := context.Background()
	st, err := store.Open(ctx, s.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2026, 12, 2, 13, 0, 0, 0, time.UTC)
	for _, name := range []string{"Dr One", "Dr Two", "Dr Three"} {
		// Three commits, held in the WAL while this session keeps the file open.
		if _, err := st.AddClinician(ctx, "os:lead", at, domain.Clinician{Name: name, Role: "nurse", Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	must(t, s.runAt(t, "2026-12-02T14:00:00Z", "verify", "--db", s.db))

	// What a crash leaves, with one byte of the WAL's middle frame damaged.
	lost := filepath.Join(t.TempDir(), "team.db")
	copyFile(t, s.db, lost)
	wal, err := os.ReadFile(s.db + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	const header, frameHeader, page = 32, 24, 4096
	frames := (len(wal) - header) / (frameHeader + page)
	if frames < 3 {
		t.Fatalf("the WAL holds %d frames; the test needs the commits in it", frames)
	}
	wal[header+(frames/2)*(frameHeader+page)+frameHeader+100] ^= 0xff
	if err := os.WriteFile(lost+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}

	r := s.run(t, "verify", "--db", lost)
	if r.code != exitWrong || !strings.Contains(r.stdout, "the checkpoint of 2 December 14:00 saw") ||
		!strings.Contains(r.stdout, "lost") {
		t.Errorf("verify of the copy with a damaged WAL: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
