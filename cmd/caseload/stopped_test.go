package main

import (
	"bytes"
	"context"
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
		var out, errOut bytes.Buffer
		vars := map[string]string{"CASELOAD_NOW": testNow, "HOME": t.TempDir(), "USER": "tester"}
		code := run(ctx, args, &out, &errOut, func(k string) string { return vars[k] })
		if code != exitWrong || errOut.String() != "caseload: stopped: nothing was written\n" {
			t.Errorf("%s: exit %d, stderr %q", strings.Join(args[:2], " "), code, errOut.String())
		}
	}
	if n := listed(t, db); n != before {
		t.Errorf("%d referrals after the stopped import, %d before", n, before)
	}
}
