package main

import (
	"encoding/json"
	"strings"
	"testing"

	"caseload/internal/domain"
)

// --status closed lists the demo's closed cases, one for each reason, with the day,
// the code and the retention review day; --status all lists both; the default stays
// the open cases, as it was before cases could close.
func TestCasesListByStatus(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	list := func(args ...string) []map[string]any {
		t.Helper()
		r := must(t, caseload(t, nil, append([]string{"cases", "list", "--db", db, "--format", "json"}, args...)...))
		var rows []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	open, closed, all := list(), list("--status", "closed"), list("--status", "all")
	if len(all) != len(open)+len(closed) || len(closed) != len(domain.ClosingReasons) {
		t.Fatalf("open %d, closed %d, all %d: want the seven closed cases apart", len(open), len(closed), len(all))
	}
	reasons := map[string]bool{}
	for _, c := range closed {
		reasons[c["closing_reason"].(string)] = true
		if c["status"] != "closed" || c["phase"] != "closed" || c["closed_on"] == nil || c["retention_review_on"] == nil || c["person_id"] == nil {
			t.Errorf("closed case %v: %v", c["id"], c)
		}
	}
	for _, r := range domain.ClosingReasons {
		if !reasons[string(r)] {
			t.Errorf("no closed case with reason %s", r)
		}
	}
	for _, c := range open {
		if c["status"] != "open" || c["closed_on"] != nil || c["closing_reason"] != nil {
			t.Errorf("open case %v: %v", c["id"], c)
		}
	}
	r := caseload(t, nil, "cases", "list", "--db", db, "--status", "shut")
	if r.code != 2 || !strings.Contains(r.stderr, "use open, closed or all") {
		t.Errorf("--status shut: exit %d, %q", r.code, r.stderr)
	}
	r = must(t, caseload(t, nil, "cases", "list", "--db", db, "--status", "closed"))
	if !strings.Contains(r.stdout, "transferred to Mersey Care NHS FT") || !strings.Contains(r.stdout, "died on ") {
		t.Errorf("table of closed cases:\n%s", r.stdout)
	}
}
