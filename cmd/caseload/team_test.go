package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/store"
)

// overCapTeam is the demo, where Tom holds a case past the cap (handed over with a
// reason) and one case has no clinician, with Beth deactivated while she holds her
// cases: over the cap, a deactivated clinician holding cases and the case nobody
// holds, all at once.
func overCapTeam(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	demoDB(t, db)
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, err := st.Clinicians(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	at, _ := time.Parse(time.RFC3339, testNow)
	for _, c := range cs {
		if c.Name == "Beth Armitage" {
			if err := st.DeactivateClinician(context.Background(), "os:tester", at, c.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db
}

// The JSON carries the contract's fields for each clinician holding or able to hold
// cases, active ones first, then the deactivated one still holding cases, then the
// cases nobody holds; the phases add up to the open cases, and those to the team's.
func TestTeamJSON(t *testing.T) {
	db := overCapTeam(t)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "team", "--db", db, "--format", "json")).stdout), &rows); err != nil {
		t.Fatal(err)
	}
	var cases []map[string]any
	if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "json")).stdout), &cases); err != nil {
		t.Fatal(err)
	}
	var names []string
	total := 0.0
	for _, r := range rows {
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		want := slices.Sorted(slices.Values(teamColumns))
		if !slices.Equal(keys, want) {
			t.Fatalf("row keys %v, want the contract's %v", keys, want)
		}
		sum := 0.0
		for _, k := range []string{"before_window", "pre_release", "post_release", "discharge_due", "release_unknown"} {
			sum += r[k].(float64)
		}
		if sum != r["open"].(float64) {
			t.Errorf("%v: phases add up to %v, open is %v", r["clinician"], sum, r["open"])
		}
		total += r["open"].(float64)
		name, _ := r["clinician"].(string)
		names = append(names, name)
	}
	if int(total) != len(cases) {
		t.Errorf("the team holds %v open cases, cases list has %d", total, len(cases))
	}
	wantNames := []string{"Dr Amara Okonkwo-Reid", "Dr Niamh Ó Dálaigh", "Dr Tom Halliwell", "Sanjay Mistry", "Beth Armitage", ""}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("rows %q, want %q", names, wantNames)
	}
	tom, beth, nobody := rows[2], rows[4], rows[5]
	if tom["open"] != 9.0 || tom["cap"] != 8.0 || tom["over_cap"] != true || tom["access"] != "clinician" {
		t.Errorf("Tom: %v, want 9 open over the cap of 8", tom)
	}
	if beth["active"] != false || beth["open"] != 2.0 {
		t.Errorf("Beth: %v, want deactivated holding 2", beth)
	}
	for _, k := range []string{"clinician_id", "clinician", "access", "active", "cap"} {
		if nobody[k] != nil {
			t.Errorf("the unallocated row's %s is %v, want null", k, nobody[k])
		}
	}
	if nobody["open"] != 1.0 || nobody["over_cap"] != false {
		t.Errorf("the unallocated row: %v", nobody)
	}
}

// The CSV's header is the contract, in order; the table says in words (and with ⚠)
// who is over the cap, who has left holding cases, and the cases nobody holds.
func TestTeamCSVAndTable(t *testing.T) {
	db := overCapTeam(t)
	recs, err := csv.NewReader(strings.NewReader(must(t, caseload(t, nil, "team", "--db", db, "--format", "csv")).stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"clinician_id", "clinician", "access", "active", "open", "before_window", "pre_release",
		"post_release", "discharge_due", "release_unknown", "drafts", "forum_reports_due", "cap", "over_cap"}
	if !slices.Equal(recs[0], want) || len(recs) != 7 {
		t.Fatalf("csv header %v and %d rows, want %v and 6", recs[0], len(recs)-1, want)
	}
	if tom := recs[3]; tom[1] != "Dr Tom Halliwell" || tom[4] != "9" || tom[12] != "8" || tom[13] != "true" {
		t.Errorf("Tom's csv row %v", tom)
	}
	if nobody := recs[6]; nobody[0] != "" || nobody[1] != "" || nobody[12] != "" || nobody[4] != "1" {
		t.Errorf("unallocated csv row %v", nobody)
	}
	table := must(t, caseload(t, nil, "team", "--db", db)).stdout
	for name, words := range map[string]string{"Dr Tom Halliwell": "⚠ over the cap by 1", "Beth Armitage": "⚠ left: hand over",
		"unallocated": "⚠ to allocate"} {
		if line := lineWith(table, name); !strings.HasSuffix(line, words) {
			t.Errorf("%s's line %q does not end %q:\n%s", name, line, words, table)
		}
	}
	if line := lineWith(table, "Sanjay Mistry"); strings.Contains(line, "⚠") || line != strings.TrimRight(line, " ") {
		t.Errorf("Sanjay's line %q is marked, or ends in spaces", line)
	}
}

func TestTeamRefusesAFormat(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	r := caseload(t, nil, "team", "--db", db, "--format", "xml")
	if r.code != exitUsage || !strings.Contains(r.stderr, `"xml" is not a format: use table, json or csv`) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if r := must(t, caseload(t, nil, "team", "--db", db, "--format", "json")); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("an empty team is %q, want []", r.stdout)
	}
}

// lineWith is the first line of s holding text.
func lineWith(s, text string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
