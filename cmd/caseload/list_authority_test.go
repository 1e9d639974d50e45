package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// referrals list names the authority each resettlement area was read as, beside the
// area as typed: in JSON as resettlement_authority (null when not known), in CSV as the
// last column ("" when not known).
func TestListResettlementAuthority(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	areas := map[string]string{ // the family name says the area imported
		"Kendal": "Kendal", "Council": "Blackpool Council", "Suffix": "Preston, Lancashire",
		"Misspelt": "Westmoreland and Furness", "Abbrev": "Lancs", "Elsewhere": "Leeds", "Unknown": "Prestn", "Blank": "",
	}
	want := map[string]any{
		"Kendal": "Westmorland and Furness", "Council": "Blackpool", "Suffix": "Preston",
		"Misspelt": "Westmorland and Furness", "Abbrev": "Lancashire", "Elsewhere": "Leeds", "Unknown": nil, "Blank": nil,
	}
	in := importHeader
	for family, area := range areas {
		in += strings.Replace(importRow("Test", family, "", "2026-11-23 14:05"), ",Preston,no,", ","+csvCell(area)+",no,", 1)
	}
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "in.csv", in)))

	r := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != len(areas) {
		t.Fatalf("%d referrals, want %d", len(list), len(areas))
	}
	byID := map[string]string{}
	for _, ref := range list {
		family := ref["family_name"].(string)
		got, ok := ref["resettlement_authority"]
		if !ok || got != want[family] {
			t.Errorf("%s: resettlement_area %v, resettlement_authority %v (present %v), want %v",
				family, ref["resettlement_area"], got, ok, want[family])
		}
		if area := ref["resettlement_area"]; area != nil && area != areas[family] {
			t.Errorf("%s: the area as typed became %v", family, area)
		}
		s, _ := got.(string)
		byID[jsonID(ref["id"])] = s
	}

	r = must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv"))
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	col := slices.Index(head, "resettlement_authority")
	if col < 0 || head[col-1] != "open_rules" {
		t.Fatalf("csv header %v: resettlement_authority must be appended after open_rules", head)
	}
	for _, rec := range recs[1:] {
		if got := rec[col]; got != byID[rec[0]] {
			t.Errorf("csv referral %s: %q, json %q", rec[0], got, byID[rec[0]])
		}
	}
}

func csvCell(s string) string {
	if strings.ContainsAny(s, ",\"") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func jsonID(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
