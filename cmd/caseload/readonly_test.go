package main

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"
	"time"

	_ "caseload/store" // registers the SQLite driver
)

// The commands that only read never wait for the write lock: with a colleague's write
// transaction open on the file, each finishes at once (before, each waited the 5 s busy
// timeout and failed with "locked by another caseload").
func TestReadOnlyCommandsDoNotWaitForTheWriteLock(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)

	raw, err := sql.Open("sqlite", "file:"+(&url.URL{Path: db}).EscapedPath()+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _ = conn.ExecContext(context.Background(), "ROLLBACK") }()

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"referrals", "list", "--format", "csv"}, "received_at,"},
		{[]string{"cases", "list"}, "PERSON"},
		{[]string{"search", "relapse"}, ""},
		{[]string{"clinicians", "list"}, "Dr Tom Halliwell"},
		{[]string{"verify"}, "ok\n"},
		{[]string{"settings"}, "screening-deadline"},
		{[]string{"report", "--from", "2026-10-01", "--to", "2026-11-24"}, "Referrals received:"},
	} {
		t.Run(tt.args[0], func(t *testing.T) {
			done := make(chan result, 1)
			go func() { done <- caseload(t, nil, append(tt.args, "--db", db)...) }()
			select {
			case r := <-done:
				if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
					t.Errorf("exit %d, stdout %q, stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, tt.want)
				}
			case <-time.After(3 * time.Second):
				t.Fatal("still waiting after 3 s: it waited for the write lock")
			}
		})
	}
	// A command that writes still waits for it, and says so.
	r := caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Jo", "--role", "nurse")
	if r.code != exitWrong || !strings.Contains(r.stderr, "locked by another caseload") {
		t.Errorf("adding under the lock: exit %d, stderr %q", r.code, r.stderr)
	}
}
