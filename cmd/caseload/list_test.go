package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestDemoThenListJSON(t *testing.T) {
	db := tempDB(t)
	r := must(t, caseload(t, nil, "demo", "--db", db))
	if want := "created demo database " + db + ": 40 referrals ("; !strings.HasPrefix(r.stdout, want) ||
		!strings.Contains(r.stdout, "), 5 clinicians, ") {
		t.Errorf("demo said %q, want it to start %q", r.stdout, want)
	}
	r = must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 40 {
		t.Fatalf("%d referrals, want 40", len(list))
	}
	keys := []string{"id", "given_name", "family_name", "source", "status", "received_at", "screening_due_at",
		"screening_clock", "nhs_number", "prison_number", "crn", "pnc_id", "date_of_birth", "expected_release_date",
		"rosh", "priority_group", "resettlement_area", "screened_at", "entered_at", "possible_duplicate_of", "duplicate_answer"}
	var states []string
	nulls := map[string]bool{}
	for _, ref := range list {
		for _, k := range keys {
			if _, ok := ref[k]; !ok {
				t.Fatalf("referral %v has no %q", ref["id"], k)
			}
		}
		for k, v := range ref {
			if v == nil {
				nulls[k] = true
			}
		}
		c := ref["screening_clock"].(map[string]any)
		if c["text"] == "" {
			t.Errorf("referral %v: clock without text", ref["id"])
		}
		states = append(states, c["state"].(string))
	}
	// Queue order: overdue, then due, then stopped, each together.
	if !slices.IsSortedFunc(states, func(a, b string) int { return rank(a) - rank(b) }) {
		t.Errorf("not in queue order: %v", states)
	}
	if first := list[0]["screening_clock"].(map[string]any)["text"]; first != "overdue by 5d 5h" {
		t.Errorf("first is %v, want the most overdue", first)
	}
	for _, k := range []string{"nhs_number", "screened_at", "rosh", "priority_group", "resettlement_area", "expected_release_date"} {
		if !nulls[k] {
			t.Errorf("no referral has a null %s; unknowns must be null", k)
		}
	}
}

func rank(state string) int { return map[string]int{"overdue": 0, "due": 1, "stopped": 2}[state] }

// listCSVHeader is the contract of referrals list --format csv: columns are only ever
// appended at the end.
var listCSVHeader = []string{"id", "given_name", "family_name", "source", "status", "received_at", "screening_due_at",
	"clock_state", "clock_text", "verdict", "open_rules", "resettlement_authority", "possible_duplicate_of", "duplicate_answer",
	"screening_entered_at", "screening_deadline_rule", "within_48h", "within_deadline", "screened_at"}

func TestListOfNoReferrals(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	if r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")); r.stdout != "[]\n" {
		t.Errorf("json %q, want []", r.stdout)
	}
	want := strings.Join(listCSVHeader, ",") + "\n"
	if r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv")); r.stdout != want {
		t.Errorf("csv %q", r.stdout)
	}
}

func TestListCSV(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv"))
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 41 || recs[1][7] != "overdue" || recs[1][8] != "overdue by 5d 5h" || recs[1][5] != "2026-11-17T04:00:00Z" {
		t.Errorf("%d records; first row %v", len(recs), recs[1])
	}
}

// The table's columns line up in terminal cells, whatever script the names are in.
func TestListTableAligns(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	r := must(t, caseload(t, nil, "referrals", "list", "--db", db))
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 41 {
		t.Fatalf("%d lines, want a header and 40 rows", len(lines))
	}
	col := strings.Index(lines[0], "SOURCE")
	sources := []string{"probation", "nsd-ct", "reconnect", "opd", "channel", "self", "other"}
	sawArabic := false
	for _, line := range lines[1:] {
		rest := ansi.TruncateLeft(line, col, "")
		if src, _, _ := strings.Cut(rest, " "); !slices.Contains(sources, src) {
			t.Errorf("SOURCE column is not at cell %d in %q", col, line)
		}
		sawArabic = sawArabic || strings.Contains(line, "يوسف الحداد")
	}
	if !sawArabic || !strings.Contains(lines[1], "Tue 17 Nov 04:00") {
		t.Errorf("table:\n%s", r.stdout)
	}
}
