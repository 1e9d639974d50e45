package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A request is recorded by the file's owner, due a month on, extended once within two
// more months, answered, and then no longer open; the demo's own request is listed.
func TestAccessRequestsCommands(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	list := func(args ...string) []map[string]any {
		t.Helper()
		r := must(t, caseload(t, nil, append([]string{"access-requests", "--db", db, "--format", "json"}, args...)...))
		var rows []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if open := list(); len(open) != 1 || open[0]["answered_on"] != nil || open[0]["days_left"] == nil {
		t.Fatalf("the demo's open request: %v", open)
	}
	r := must(t, caseload(t, nil, "access-requests", "add", "--db", db, "3", "--received", "2026-10-31", "--by", "Her solicitor"))
	if !strings.Contains(r.stdout, "due Monday 30 November 2026") {
		t.Errorf("add said %q: 31 October plus a month is 30 November", r.stdout)
	}
	if open := list(); len(open) != 2 || open[0]["due_on"] != "2026-11-30" || open[0]["days_left"] != float64(6) {
		t.Fatalf("open after add, soonest first: %v", open)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extend", "2", "--to", "2027-02-01", "--reason", "three prisons"}, "two months at most"},
		{[]string{"extend", "2", "--to", "2027-01-15"}, "say why it needs longer"},
		{[]string{"extend", "x", "--to", "2027-01-15"}, "is not an id"},
		{[]string{"answer", "2", "--on", "2026-02-30"}, "--on:"},
		{[]string{"answer", "2", "--on", "30/11/2026"}, "after today"},
		{[]string{"add", "999", "--by", "someone"}, "person 999 does not exist"},
	} {
		r := caseload(t, nil, append([]string{"sar"}, append(tc.args[:1], append([]string{"--db", db}, tc.args[1:]...)...)...)...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("sar %v: exit %d, %q, want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	must(t, caseload(t, nil, "sar", "extend", "--db", db, "2", "--to", "2027-01-29", "--reason", "records held by three prisons"))
	must(t, caseload(t, nil, "sar", "answer", "--db", db, "2"))
	if open := list(); len(open) != 1 {
		t.Fatalf("open after the answer: %v", open)
	}
	if all := list("--all"); len(all) != 2 || all[1]["extended_to"] != "2027-01-29" && all[0]["extended_to"] != "2027-01-29" {
		t.Fatalf("--all: %v", all)
	}
}
