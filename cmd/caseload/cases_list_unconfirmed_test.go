package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// A release date that has passed with nothing recorded is the phase release-unconfirmed:
// its date is kept, nothing is counted (no days, no month, no discharge); a recalled
// case's clock is paused, so it has no discharge_due either (docs/RULES.md).
func TestCasesListReleaseNotConfirmed(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	header := "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
		"expected_release_date,release_date_type,actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area\n"
	csvFile := writeFile(t, "cases.csv", header+
		"Ada,Passed,,,,,,2026-09-01,2026-11-10,CRD,,,,,Preston\n"+
		"Ben,Released,,,,,,2026-09-01,2026-11-10,CRD,2026-11-10,,,,Preston\n"+
		"Cat,Recalled,,,,,,2026-03-01,2026-06-01,CRD,2026-06-01,2026-10-01,,,Preston\n"+
		"Dan,Today,,,,,,2026-09-01,2026-11-24,CRD,,,,,Preston\n")
	must(t, caseload(t, nil, "cases", "import", "--db", db, csvFile))
	r := must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]any{
		"Passed": {"phase": "release-unconfirmed", "release_date": "2026-11-10", "release_date_type": "CRD",
			"engagement_from": "2026-05-10", "discharge_due": nil, "days_to_release": nil, "month_since_release": nil,
			"countdown": "release was due Tuesday 10 November 2026: record the release or correct the date"},
		"Released": {"phase": "post-release", "release_date": "2026-11-10", "discharge_due": "2027-11-10",
			"month_since_release": 1.0, "countdown": "month 1 of 12 since release"},
		"Recalled": {"phase": "recalled", "release_date": "2026-06-01", "discharge_due": nil, "month_since_release": nil,
			"countdown": "recalled on Thursday 1 October 2026"},
		"Today": {"phase": "post-release", "release_date": "2026-11-24", "discharge_due": "2027-11-24",
			"month_since_release": 1.0, "countdown": "release today, Tuesday 24 November 2026"},
	}
	if len(list) != len(want) {
		t.Fatalf("%d cases, want %d", len(list), len(want))
	}
	for _, c := range list {
		w := want[c["family_name"].(string)]
		for k, v := range w {
			if got, ok := c[k]; !ok || got != v {
				t.Errorf("%v: %s = %v, want %v", c["family_name"], k, got, v)
			}
		}
	}
	r = must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "csv"))
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if row[2] == "Passed" && (row[8] != "release-unconfirmed" || row[7] != "" || row[10] != "") {
			t.Errorf("csv row %q", row)
		}
		if row[2] == "Recalled" && row[7] != "" {
			t.Errorf("csv: a recalled case has discharge_due %q", row[7])
		}
	}
	r = must(t, caseload(t, nil, "cases", "list", "--db", db))
	if !strings.Contains(r.stdout, "release-unconfirmed") || !strings.Contains(r.stdout, "record the release or correct the date") {
		t.Errorf("table:\n%s", r.stdout)
	}
}
