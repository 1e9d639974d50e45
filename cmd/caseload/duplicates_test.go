package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// An import says which referrals went to a person already held and which may be a
// person held (issue 11, finding 7); referrals list carries possible_duplicate_of.
func TestImportSaysDuplicates(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "a.csv", importHeader+
		importRow("Aoife", "Brennan", "999 000 0018", "2026-11-23 14:05"))))
	// importRow gives every row date of birth 1990-05-17, prison number A1234BC.
	r := must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "b.csv", importHeader+
		importRow("Aoife", "Brennan", "999-000-0018", "2026-11-23 15:05")+
		importRow("Eve", "Brennan", "999 765 4323", "2026-11-23 16:05")+
		importRow("Bea", "Lund", "", "2026-11-23 17:05"))))
	// Each row is two lines (the reason has a line break). Bea shares only the prison number.
	want := "added 3 referrals (1 for a person already held; 2 possible duplicates to check before screening)\n" +
		"line 2: linked to Aoife Brennan, already held (same NHS number)\n" +
		"line 4: possibly the same person as Aoife Brennan, born 17/05/1990: check before screening\n" +
		"line 6: possibly the same person as Aoife Brennan, born 17/05/1990, who has the same prison number under another name: check before screening\n"
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
	out := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	dups := map[string]any{}
	for _, ref := range list {
		v, ok := ref["possible_duplicate_of"]
		if !ok {
			t.Fatalf("referral %v has no possible_duplicate_of", ref["id"])
		}
		dups[ref["given_name"].(string)+jsonCell(ref["id"])] = v
	}
	if len(list) != 4 || dups["Eve3"] != float64(1) || dups["Aoife1"] != nil || dups["Aoife2"] != nil || dups["Bea4"] != float64(1) {
		t.Errorf("possible_duplicate_of: %v", dups)
	}
}

// cases import says the same of the people its cases go to.
func TestCasesImportSaysDuplicates(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "a.csv", importHeader+
		importRow("Aoife", "Brennan", "999 000 0018", "2026-11-23 14:05"))))
	header := "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
		"expected_release_date,release_date_type,actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area\n"
	r := must(t, caseload(t, nil, "cases", "import", "--db", db, writeFile(t, "cases.csv", header+
		"Eve,Brennan,17/05/1990,,,,,2026-10-01,2027-01-10,CRD,,,,,Preston\n"+
		"Bea,Lund,17/05/1990,,,,,2026-10-01,2027-01-10,CRD,,,,,Preston\n"+
		"Aoife,Brennan,,999-000-0018,,,,2026-10-01,2027-01-10,CRD,,,,,Preston\n")))
	want := "imported 3 cases (1 for a person already held; 1 possible duplicate to check whether they are one person)\n" +
		"line 2: possibly the same person as Aoife Brennan, born 17/05/1990: check whether they are one person\n" +
		"line 4: linked to Aoife Brennan, already held (same NHS number)\n"
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
	// Once Aoife has an open case, a possible duplicate of her is refused: two open cases
	// for what may be one person is the hazard itself.
	r = caseload(t, nil, "cases", "import", "--db", db, writeFile(t, "more.csv", header+
		"Ava,Brennan,17/05/1990,,,,,2026-10-01,2027-01-10,CRD,,,,,Preston\n"))
	if r.code == 0 || !strings.Contains(r.stderr, "line 2: family_name: possibly the same person as Aoife Brennan, born 17/05/1990: "+
		"they have an open case (case 3): give the identifier they share if they are one person, or correct the name or date of birth") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// referrals list gives the answer to "possibly the same person as …": null until it is
// answered (and where it was never asked), then "same" or "not-same"; CSV as the last
// column, blank for none. possible_duplicate_of keeps whom the match found, answered or
// not (docs/RULES.md, "Possible duplicates").
func TestListSaysDuplicateAnswers(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "referrals", "import", "--db", db, writeFile(t, "a.csv", importHeader+
		importRow("Aoife", "Brennan", "999 000 0018", "2026-11-23 14:05")+
		importRow("Eve", "Brennan", "999 765 4323", "2026-11-23 16:05")+
		importRow("Bea", "Brennan", "", "2026-11-23 17:05"))))
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for id, answer := range map[int64]domain.DuplicateAnswer{2: domain.DuplicateNotSame, 3: domain.DuplicateSame} {
		r, err := st.Referral(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		held, err := st.Person(ctx, r.PossibleDuplicateOf)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.AnswerDuplicate(ctx, "os:test", at, id, answer, r.Person, held); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	out := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "json")).stdout
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ref := range list {
		v, ok := ref["duplicate_answer"]
		if !ok {
			t.Fatalf("referral %v has no duplicate_answer", ref["id"])
		}
		got[jsonCell(ref["id"])] = jsonCell(ref["possible_duplicate_of"]) + " " + jsonCell(v)
	}
	want := map[string]string{"1": " ", "2": "1 not-same", "3": "1 same"}
	if !maps.Equal(got, want) {
		t.Errorf("possible_duplicate_of and duplicate_answer: %v, want %v", got, want)
	}
	csvOut := must(t, caseload(t, nil, "referrals", "list", "--db", db, "--format", "csv")).stdout
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := slices.Index(recs[0], "duplicate_answer")
	if last < 0 {
		t.Fatalf("no duplicate_answer column in %q", recs[0])
	}
	for _, row := range recs[1:] {
		if row[last] != strings.TrimSpace(strings.TrimPrefix(want[row[0]], "1")) {
			t.Errorf("csv row %s: duplicate_answer %q, want %q", row[0], row[last], want[row[0]])
		}
	}
}
