package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// `cases import` takes a column a kind of sentence date and confirmed_dates beside the
// older pair; `cases list` gives them back (JSON sentence_dates, a CSV column a kind)
// and counts the pathway to the one the rule picks (docs/RULES.md, "Sentence dates").
func TestCasesImportAndListSentenceDates(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	header := "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
		"actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area," +
		"expected_release_date,release_date_type,crd,ped,hdced,led,sed,tused,confirmed_dates\n"
	r := must(t, caseload(t, nil, "cases", "import", "--db", db, writeFile(t, "cases.csv", header+
		// An extended sentence: the PED has not passed, so it is the earliest possible release.
		"Ann,Extended,,,,,,2026-10-01,,,,,Preston,,,2027-09-01,2027-03-01,,,2029-09-01,,\n"+
		// A standard sentence in the older pair, with its LED and an HDCED; the CRD confirmed.
		"Ben,Standard,,,,,,2026-10-01,,,,,Preston,2027-01-06,CRD,,,2026-12-06,2027-07-06,,,CRD\n"+
		// A short sentence: ARD in the older pair, TUSED in its own column.
		"Cal,Short,,,,,,2026-10-01,,,,,Preston,2027-02-01,ARD,,,,,,2028-02-01,\n"+
		// A CRD on a Saturday: likely out on the Thursday (docs/RULES.md, "The day a person walks out").
		"Dee,Weekend,,,,,,2026-10-01,,,,,Preston,,,2027-01-09,,,,,,\n")))
	if !strings.Contains(r.stdout, "imported 4 cases") {
		t.Fatalf("import said %q", r.stdout)
	}
	var list []struct {
		FamilyName      string  `json:"family_name"`
		ReleaseDate     *string `json:"release_date"`
		ReleaseDateType *string `json:"release_date_type"`
		Phase           string  `json:"phase"`
		Countdown       string  `json:"countdown"`
		LikelyWalkOut   *string `json:"likely_walk_out"`
		SentenceDates   []struct {
			Kind      *string `json:"kind"`
			Date      string  `json:"date"`
			Confirmed bool    `json:"confirmed"`
		} `json:"sentence_dates"`
	}
	if err := json.Unmarshal([]byte(must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "json")).stdout), &list); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ release, kind, dates, out string }{
		"Extended": {"2027-03-01", "PED", "CRD 2027-09-01, PED 2027-03-01, SED 2029-09-01", ""},
		"Standard": {"2027-01-06", "CRD", "CRD 2027-01-06 confirmed, HDCED 2026-12-06, LED 2027-07-06", ""},
		"Short":    {"2027-02-01", "ARD", "ARD 2027-02-01, TUSED 2028-02-01", ""},
		"Weekend":  {"2027-01-09", "CRD", "CRD 2027-01-09", "2027-01-07"},
	}
	for _, c := range list {
		var dates []string
		for _, d := range c.SentenceDates {
			s := deref(d.Kind) + " " + d.Date
			if d.Confirmed {
				s += " confirmed"
			}
			dates = append(dates, s)
		}
		w := want[c.FamilyName]
		if deref(c.LikelyWalkOut) != w.out {
			t.Errorf("%s: likely_walk_out %s, want %q", c.FamilyName, deref(c.LikelyWalkOut), w.out)
		}
		if deref(c.ReleaseDate) != w.release || deref(c.ReleaseDateType) != w.kind || strings.Join(dates, ", ") != w.dates {
			t.Errorf("%s: release %s (%s), dates %q; want %s (%s), %q", c.FamilyName, deref(c.ReleaseDate), deref(c.ReleaseDateType),
				strings.Join(dates, ", "), w.release, w.kind, w.dates)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(must(t, caseload(t, nil, "cases", "list", "--db", db, "--format", "csv")).stdout)).ReadAll()
	if err != nil || len(recs) != 5 {
		t.Fatalf("%d csv rows (%v)", len(recs), err)
	}
	col := func(name string) int { return slices.Index(recs[0], name) }
	for _, rec := range recs[1:] {
		if rec[col("family_name")] == "Standard" &&
			(rec[col("crd")] != "2027-01-06" || rec[col("led")] != "2027-07-06" || rec[col("confirmed_dates")] != "CRD" || rec[col("ped")] != "") {
			t.Errorf("Standard's csv row: %q", rec)
		}
	}
}
