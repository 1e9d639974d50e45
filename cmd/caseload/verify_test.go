package main

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// verify lists every problem, one a line, and --format json gives scripts the same
// report with its fields; an untouched file is ok in both.
func TestVerifyListsEveryProblem(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	demoDB(t, db)
	if r := must(t, caseload(t, nil, "verify", "--db", db)); r.stdout != "ok\n" {
		t.Fatalf("verify of the demo: %q", r.stdout)
	}
	var clean verifyJSON
	r := must(t, caseload(t, nil, "verify", "--db", db, "--format", "json"))
	if err := json.Unmarshal([]byte(r.stdout), &clean); err != nil || !clean.OK || clean.Problems == nil ||
		clean.Entries == 0 || clean.Head != clean.Entries || len(clean.HeadHash) != 64 || clean.Records == 0 {
		t.Fatalf("verify --format json of the demo: %s (%v)", r.stdout, err)
	}

	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"DROP TRIGGER notes_signed_no_update",
		"UPDATE notes SET signed_at = NULL, hash = NULL WHERE id = 3",
		"UPDATE people SET given_name = 'Zed' WHERE id = 4",
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	r = caseload(t, nil, "verify", "--db", db)
	want := []string{
		"the schema of " + db + " does not match its version (",
		"person 4: given_name is not what audit entry",
		"note 3: hash, signed_at are not what audit entry",
		"note 3: audit entry",
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 1 || len(lines) != len(want) || !strings.Contains(r.stderr, "4 problems found") {
		t.Fatalf("verify after tampering: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d %q, want it to start %q", i+1, lines[i], w)
		}
	}
	var report verifyJSON
	r = caseload(t, nil, "verify", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || r.code != 1 || report.OK || len(report.Problems) != 4 {
		t.Fatalf("verify --format json after tampering: exit %d %s (%v)", r.code, r.stdout, err)
	}
	if p := report.Problems[1]; p.Record != "person" || p.Key != "4" || p.Field != "given_name" || p.Entry == 0 {
		t.Errorf("first problem %+v, want person 4's given_name and its entry", p)
	}
}
