//go:build linux

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A full disk is said in one sentence naming the database, never SQLite's "disk I/O
// error (4874)" (issue 12, finding 5), by the real binary under a file-size limit; the
// write is rolled back whole, the database still verifies, and a failed init or demo
// leaves nothing behind, so the retry works.
func TestDiskFull(t *testing.T) {
	bin := buildCaseload(t)

	t.Run("import", func(t *testing.T) {
		dir := t.TempDir()
		db := filepath.Join(dir, "team.db")
		demoDB(t, db)
		before := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout
		fi, err := os.Stat(db)
		if err != nil {
			t.Fatal(err)
		}
		// Three thousand long referrals need megabytes of WAL; the limit leaves 256 KiB.
		big := writeFile(t, "big.csv", importHeader+strings.Repeat(importRow("Ann", "Full", "", "2026-11-23 14:05"), 3000))
		r := child{bin: bin, fsize: fi.Size() + 256<<10}.run(t, "referrals", "import", "--db", db, big)
		says(t, r, "the disk holding "+db+" is full: nothing was written")
		if after := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout; after != before {
			t.Error("the referrals changed after the failed import")
		}
		if r := must(t, caseload(t, nil, "verify", "--db", db)); r.stdout != "ok\n" {
			t.Errorf("verify: %q", r.stdout)
		}
	})

	for _, tt := range []struct {
		name  string
		limit int64
	}{
		{"no room for the -shm", 4 << 10},     // SQLITE_IOERR_SHMSIZE (4874) as the WAL opens
		{"no room for the schema", 200 << 10}, // SQLITE_IOERR_WRITE as the migrations fill the WAL
	} {
		for _, command := range []string{"init", "demo"} {
			t.Run(command+"/"+tt.name, func(t *testing.T) {
				dir := t.TempDir()
				db := filepath.Join(dir, "new.db")
				r := child{bin: bin, fsize: tt.limit}.run(t, command, "--db", db)
				says(t, r, "the disk holding "+db+" is full: nothing was written")
				if l := left(t, dir); len(l) != 0 {
					t.Fatalf("the failed %s left %v", command, l)
				}
				must(t, child{bin: bin}.run(t, command, "--db", db))
				if l := left(t, dir); !slices.Equal(l, []string{"new.db"}) {
					t.Errorf("after the retry the folder holds %v", l)
				}
				if r := must(t, child{bin: bin}.run(t, "verify", "--db", db)); r.stdout != "ok\n" {
					t.Errorf("verify: %q", r.stdout)
				}
			})
		}
	}
}
