package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command stopped by SIGINT or SIGTERM (its context cancelled) says so in one plain
// sentence, never the driver's "context canceled", and writes nothing (issue 12,
// finding 7).
func TestAStoppedCommandSaysSo(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	before := listed(t, db)
	file := writeFile(t, "in.csv", importHeader+strings.Repeat(importRow("Ann", "Stopped", "", "2026-11-23 14:05"), 50))
	for _, args := range [][]string{
		{"referrals", "import", "--db", db, file},
		{"referrals", "list", "--db", db, "--format", "json"},
		{"verify", "--db", db},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the signal came as the command began
		if r := caseloadIn(t, ctx, nil, args...); r.code != exitWrong || r.stderr != "caseload: stopped: nothing was written\n" {
			t.Errorf("%s: exit %d, stderr %q", strings.Join(args[:2], " "), r.code, r.stderr)
		}
	}
	if n := listed(t, db); n != before {
		t.Errorf("%d referrals after the stopped import, %d before", n, before)
	}
}

// A demo is made under a temporary name and moved into place only when whole: stopped,
// it leaves nothing at --db; a temporary file a killed demo left behind does not stop the
// next one (issue 12, finding 4).
func TestDemoStoppedLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := caseloadIn(t, ctx, nil, "demo", "--db", db); r.code == 0 {
		t.Fatalf("a stopped demo succeeded: %s", r.stdout)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("a stopped demo left %v", left)
	}
	// What a SIGKILL part-way leaves: the temporary file, half made.
	if err := os.WriteFile(filepath.Join(dir, ".demo.db.demo-partial"), []byte("SQLite format 3\x00half"), 0o600); err != nil {
		t.Fatal(err)
	}
	must(t, caseload(t, nil, "demo", "--db", db))
	if left, _ := os.ReadDir(dir); len(left) != 1 || left[0].Name() != "demo.db" {
		t.Errorf("after the demo the folder holds %v, want demo.db alone", left)
	}
	must(t, caseload(t, nil, "verify", "--db", db))
}
