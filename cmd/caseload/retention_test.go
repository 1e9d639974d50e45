package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// retention lists nothing until a review day comes, then the records past it, the
// death's ten years first; a decision to keep moves the review on; nothing is deleted.
func TestRetentionListsRecordsPastReview(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	if r := must(t, caseload(t, nil, "retention", "--db", db)); !strings.Contains(r.stdout, "No closed record is past its review.") ||
		!strings.Contains(r.stdout, "unconfirmed") {
		t.Errorf("retention today:\n%s", r.stdout)
	}
	later := map[string]string{"CASELOAD_NOW": "2037-01-05T10:00:00Z"}
	r := must(t, caseload(t, later, "retention", "--db", db, "--format", "json"))
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0]["closing_reason"] != "died" || rows[0]["past_review"] != true || rows[0]["rule_confirmed"] != false {
		t.Fatalf("retention in 2037 = %v: want the death's record only, ten years on", rows)
	}
	id := fmt.Sprint(rows[0]["case_id"])
	bad := caseload(t, later, "retention", "decide", "--db", db, id, "--decision", "keep", "--by", "Records manager")
	if bad.code == 0 || !strings.Contains(bad.stderr, "next review") {
		t.Errorf("keep without --until: exit %d, %q", bad.code, bad.stderr)
	}
	must(t, caseload(t, later, "retention", "decide", "--db", db, id, "--decision", "keep", "--until", "2040-01-31", "--by", "Records manager"))
	if r := must(t, caseload(t, later, "retention", "--db", db)); !strings.Contains(r.stdout, "No closed record is past its review.") {
		t.Errorf("after keeping until 2040:\n%s", r.stdout)
	}
	if r := must(t, caseload(t, later, "retention", "--db", db, "--all", "--format", "csv")); !strings.Contains(r.stdout, ",2040-01-31,false,keep,2037-01-05,") {
		t.Errorf("csv after keeping:\n%s", r.stdout)
	}
	if v := must(t, caseload(t, later, "verify", "--db", db)); v.stdout != "ok\n" {
		t.Errorf("verify said %q", v.stdout)
	}
}
