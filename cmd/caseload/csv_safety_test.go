package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
)

// A name typed as a formula is written to CSV as text, and every column of the CSV
// round-trips against the JSON: text is the JSON value through csvfile.SafeCell, the
// app's own numbers and dates are the JSON value as is (a negative number of days stays
// a number). Issue 11, finding 9; docs/RULES.md, "CSV files".
func TestListCSVIsSafeAndRoundTrips(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	formula := `"=HYPERLINK(""http://example.org"",""x"")"`
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", importHeader+
		importRow("+Ada", formula, "999 000 0018", "2026-11-23 14:05"))))
	// A second referral, screened and typed later, so screening_entered_at holds a time.
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in2.csv", importHeader+
		importRow("Eve", "Screened", "999 765 4323", "2026-11-20 09:00"))))
	screenIn(t, db, "Screened", time.Date(2026, 11, 23, 9, 15, 0, 0, time.UTC),
		domain.DecisionTime{At: time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC), Reason: "typed after the meeting"})
	header := "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
		"expected_release_date,release_date_type,actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area\n"
	must(t, caseload(t, nil, "cases", "import", "--db", db, writeFile(t, "cases.csv", header+
		"@Ben,"+formula+",,,,,,2026-01-01,2026-02-01,CRD,2026-02-01,,,,Preston\n"+
		"-Cal,Pending,,,,,,2026-10-01,2027-01-10,CRD,,,,,Preston\n"+
		"Dee,Overdue,,,,,,2026-10-01,2026-11-10,CRD,,,,,Preston\n")))

	for _, list := range []struct {
		cmd     string
		numeric []string
	}{
		{"referrals", []string{"id", "received_at", "screening_due_at", "possible_duplicate_of", "screening_entered_at", "screened_at"}},
		{"cases", []string{"id", "release_date", "engagement_from", "discharge_due", "days_to_release", "month_since_release", "likely_walk_out"}},
	} {
		csvOut := must(t, caseload(t, nil, list.cmd, "list", "--db", db, "--format", "csv")).stdout
		jsonOut := must(t, caseload(t, nil, list.cmd, "list", "--db", db, "--format", "json")).stdout
		recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var objs []map[string]any
		if err := json.Unmarshal([]byte(jsonOut), &objs); err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(objs)+1 || len(objs) == 0 {
			t.Fatalf("%s: %d csv rows for %d json rows", list.cmd, len(recs), len(objs))
		}
		checked := 0
		for i, obj := range objs {
			for j, col := range recs[0] {
				v, ok := obj[col]
				if !ok {
					continue // a CSV-only column (clock_text, verdict...): checked below for safety
				}
				want := jsonCell(v)
				if !contains(list.numeric, col) {
					want = csvfile.SafeCell(want)
				}
				if got := recs[i+1][j]; got != want {
					t.Errorf("%s list row %d %s: csv %q, json %q", list.cmd, i+1, col, got, want)
				}
				checked++
			}
			for j, cell := range recs[i+1] {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !contains(list.numeric, recs[0][j]) {
					t.Errorf("%s list row %d %s: %q begins with a formula character", list.cmd, i+1, recs[0][j], cell)
				}
			}
		}
		if list.cmd == "referrals" && !anyCell(recs, "screening_entered_at") {
			t.Errorf("no referral has a screening_entered_at: the column is not tested:\n%s", csvOut)
		}
		if !strings.Contains(csvOut, `'=HYPERLINK(`) || checked == 0 {
			t.Errorf("%s list csv does not quote the formula:\n%s", list.cmd, csvOut)
		}
	}
}

// anyCell reports whether column col of recs (header first) holds a value in any row.
func anyCell(recs [][]string, col string) bool {
	for j, name := range recs[0] {
		for _, row := range recs[1:] {
			if name == col && row[j] != "" {
				return true
			}
		}
	}
	return false
}

// jsonCell is a JSON value as the CSV writes it: null as "", numbers without a decimal point.
func jsonCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		return fmt.Sprint(int64(v))
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A name whose letter a legacy encoding turned into ? is refused, naming line and
// column, and a file not saved as UTF-8 is refused with one sentence saying so.
func TestImportRefusesALostLetter(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	r := caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", importHeader+
		importRow("Siobhan", "?Brien", "999 000 0018", "2026-11-23 14:05")))
	if r.code == 0 || !strings.Contains(r.stderr, "line 2: family_name: a letter looks lost (`?`): save the file as CSV UTF-8") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", importHeader+
		importRow("Siobhan", "\xd3 Briain", "999 000 0018", "2026-11-23 14:05")))
	if r.code == 0 || !strings.Contains(r.stderr, "line 2: "+csvfile.FileNotUTF8) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if n := listed(t, db); n != 0 {
		t.Errorf("%d referrals written", n)
	}
}
