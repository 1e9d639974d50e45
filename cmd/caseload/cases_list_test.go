package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// The JSON of cases list carries the contract's keys for every open case, with the
// pathway worked out on the pinned clock's London date, and every phase in the demo.
func TestCasesListJSON(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	r := must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 12 {
		t.Fatalf("%d open cases, want the demo's 13", len(list))
	}
	keys := []string{"id", "given_name", "family_name", "release_date", "engagement_from", "discharge_due",
		"phase", "days_to_release", "month_since_release", "countdown", "next_forum", "sentence_dates"}
	phases := map[string]map[string]any{}
	for _, c := range list {
		for _, k := range keys {
			if _, ok := c[k]; !ok {
				t.Fatalf("case %v has no %q", c["id"], k)
			}
		}
		phase := c["phase"].(string)
		phases[phase] = c
		days, month := c["days_to_release"], c["month_since_release"]
		if (days != nil) != (phase == "pre-release") {
			t.Errorf("case %v (%s): days_to_release = %v; only pre-release has it", c["id"], phase, days)
		}
		if (month != nil) != (phase == "post-release") {
			t.Errorf("case %v (%s): month_since_release = %v; only post-release has it", c["id"], phase, month)
		}
		if m, ok := month.(float64); ok && (m < 1 || m > 12) {
			t.Errorf("case %v: month %v is not 1 to 12", c["id"], m)
		}
		if c["countdown"] == "" {
			t.Errorf("case %v has no countdown words", c["id"])
		}
	}
	for _, p := range []string{"release-unknown", "before-window", "pre-release", "post-release", "discharge-due", "discharge-overdue", "recalled"} {
		if phases[p] == nil {
			t.Errorf("no case is %s", p)
		}
	}
	if u := phases["release-unknown"]; u != nil && (u["release_date"] != nil || u["engagement_from"] != nil || u["discharge_due"] != nil) {
		t.Errorf("an unknown release has dates: %v", u)
	}
	if d := phases["discharge-due"]; d != nil && d["discharge_due"] != "2026-11-24" {
		t.Errorf("discharge due today is due %v, want 2026-11-24 (the pinned clock's date)", d["discharge_due"])
	}
	forums := 0
	for _, c := range list {
		if f, ok := c["next_forum"].(map[string]any); ok {
			forums++
			if f["kind"] == "" || f["date"] == nil {
				t.Errorf("case %v next_forum = %v", c["id"], f)
			}
		}
	}
	if forums == 0 {
		t.Error("no case has a next forum")
	}
}

// The CSV has the same columns by name, one row a case; the table is for people.
func TestCasesListCSVAndTable(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	r := must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "csv"))
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,given_name,family_name,clinician,release_date,release_date_type,engagement_from,discharge_due,phase,days_to_release,month_since_release,countdown,next_forum," +
		"crd,ard,ped,hdced,hdcad,apd,prrd,led,sed,sled,tused,confirmed_dates,other_dates,likely_walk_out," +
		"person_id,status,closed_on,closing_reason,retention_review_on"
	if got := strings.Join(rows[0], ","); got != want {
		t.Errorf("csv header %q, want %q", got, want)
	}
	if len(rows) < 13 {
		t.Errorf("%d csv rows, want a header and the demo's cases", len(rows))
	}
	r = must(t, caseload(t, nil, "cases", "list", "--db", db))
	if !strings.HasPrefix(r.stdout, "ID  PERSON") || !strings.Contains(r.stdout, "discharge due today") ||
		!strings.Contains(r.stdout, "unallocated") {
		t.Errorf("table:\n%s", r.stdout)
	}
	r = caseload(t, nil, "cases", "list", "--db", db, "--format", "xml")
	if r.code != 2 || !strings.Contains(r.stderr, "use table, json or csv") {
		t.Errorf("--format xml: exit %d, %q", r.code, r.stderr)
	}
}

// A case whose only date is an HDC eligibility date, or a parole eligibility date that
// has passed, has an unknown release: no release date, no countdown from a guess.
func TestCasesListUnknownReleaseHasNoDate(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	header := "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
		"expected_release_date,release_date_type,actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area\n"
	csvFile := writeFile(t, "cases.csv", header+
		"Ada,Hdced,,,,,,2026-10-01,2027-01-10,HDCED,,,,,Preston\nBen,Pedpassed,,,,,,2026-10-01,2026-11-01,PED,,,,,Preston\n")
	must(t, caseload(t, nil, "cases", "import", "--db", db, csvFile))
	r := must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("%d cases, want 2", len(list))
	}
	for _, c := range list {
		if c["phase"] != "release-unknown" || c["release_date"] != nil || c["release_date_type"] != nil ||
			c["engagement_from"] != nil || c["discharge_due"] != nil || c["days_to_release"] != nil {
			t.Errorf("%v: %v", c["family_name"], c)
		}
		if !strings.HasPrefix(c["countdown"].(string), "Release date unknown") {
			t.Errorf("%v: countdown %q", c["family_name"], c["countdown"])
		}
	}
}
