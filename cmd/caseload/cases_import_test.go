package main

import (
	"context"
	"strings"
	"testing"

	"caseload/store"
)

// The sample files are the cases import's own (fictional people, test-range NHS
// numbers), so the command is tested on what the reader is.
const (
	casesFile    = "../../internal/casecsv/testdata/cases.csv"
	casesBadFile = "../../internal/casecsv/testdata/cases_bad.csv"
)

const casesHeader = "given_name,family_name,date_of_birth,nhs_number,prison_number,crn,allocated_clinician,accepted_on," +
	"expected_release_date,release_date_type,actual_release_date,recalled_on,mappa_category,mappa_level,resettlement_area\n"

// teamDB is a new database with the sample files' clinicians, and one who has left.
func teamDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	for _, name := range []string{"Dr Tom Halliwell", "Sanjay Mistry", "Dr Ruth Ashworth"} {
		must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", name, "--role", "clinical psychologist"))
	}
	must(t, caseload(t, nil, "clinicians", "deactivate", "--db", db, "3"))
	return db
}

// openCases counts the open cases in db, and checks each has its one audit entry.
func openCases(t *testing.T, db string) int {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sums, err := st.CaseSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sums {
		entries, err := st.AuditEntries(ctx, "case", s.Case.ID)
		if err != nil || len(entries) != 1 || entries[0].Action != "case.imported" || !strings.HasPrefix(entries[0].Actor, "os:") {
			t.Errorf("case %d audit: %+v, %v", s.Case.ID, entries, err)
		}
	}
	return len(sums)
}

func TestCasesImportGoodFile(t *testing.T) {
	db := teamDB(t)
	r := must(t, caseload(t, nil, "cases", "import", "--db", db, "--dry-run", casesFile))
	if r.stdout != "4 cases are valid; nothing written (dry run)\n" || r.stderr != "" {
		t.Errorf("dry run: stdout %q stderr %q", r.stdout, r.stderr)
	}
	if n := openCases(t, db); n != 0 {
		t.Fatalf("dry run wrote %d cases", n)
	}

	r = must(t, caseload(t, nil, "cases", "import", "--db", db, casesFile))
	if r.stdout != "imported 4 cases\n" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	if n := openCases(t, db); n != 4 {
		t.Errorf("%d open cases, want 4", n)
	}
	must(t, caseload(t, nil, "verify", "--db", db))

	// The same file again: every person with an NHS number already has an open case, and
	// the one without may be the person whose case the first import opened.
	for _, dry := range []bool{true, false} {
		args := []string{"cases", "import", "--db", db, casesFile}
		if dry {
			args = append(args, "--dry-run")
		}
		r = caseload(t, nil, args...)
		want := "line 2: nhs_number: NHS number 999 791 9009 already has an open case (case 1): the person is on the caseload already\n" +
			"line 3: nhs_number: NHS number 999 799 8197 already has an open case (case 2): the person is on the caseload already\n" +
			"line 4: nhs_number: NHS number 999 807 7389 already has an open case (case 3): the person is on the caseload already\n" +
			"line 5: family_name: possibly the same person as Ada Testperson, born 28/02/1979: they have an open case (case 4): " +
			"give the identifier they share if they are one person, or correct the name or date of birth\n"
		if r.code != exitWrong || r.stderr != want || r.stdout != "" {
			t.Errorf("again, dry run %v: exit %d\nstderr:\n%s\nwant:\n%s", dry, r.code, r.stderr, want)
		}
	}
	if n := openCases(t, db); n != 4 {
		t.Errorf("%d open cases after the refused second import", n)
	}
}

// Every problem of the file is reported, one a line of stderr, and nothing is written,
// on a dry run or not.
func TestCasesImportBadFileWritesNothing(t *testing.T) {
	db := teamDB(t)
	want := `line 2: allocated_clinician: "Dr Nobody" is not a clinician of the team: use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated` + "\n" +
		"line 2: recalled_on: 2026-05-14 is before the actual release date 2026-05-29: a recall date before the actual release date is an error\n" +
		"line 3: given_name: is required\n" +
		"line 3: nhs_number: NHS number 999 799 8190 fails the modulus 11 check: the last digit should be 7\n" +
		"line 3: accepted_on: 2026-12-15 is in the future (today is 2026-11-24): give the day the team accepted the case\n" +
		`line 3: release_date_type: "soon" is not a release date type: use one of confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, other` + "\n" +
		"line 3: mappa_level: is 2 but the category is not_mappa: a person who is not MAPPA has no MAPPA level\n" +
		"line 4: nhs_number: 999 791 9009 is also on line 2: a person has one open case, so give each person one row\n" +
		"line 4: mappa_category: is blank but mappa_level is 3: give the category (1, 2, 3, not_mappa, unknown) or clear the level\n"
	for _, dry := range []bool{true, false} {
		args := []string{"cases", "import", "--db", db, casesBadFile}
		if dry {
			args = append(args, "--dry-run")
		}
		r := caseload(t, nil, args...)
		if r.code != exitWrong || r.stderr != want || r.stdout != "" {
			t.Errorf("dry run %v: exit %d\nstderr:\n%s\nwant:\n%s", dry, r.code, r.stderr, want)
		}
	}
	if n := openCases(t, db); n != 0 {
		t.Errorf("a bad file wrote %d cases", n)
	}
}

// A name that matches no active clinician lists the ones that do; the one who has left
// is named as such and not offered.
func TestCasesImportUnknownClinician(t *testing.T) {
	db := teamDB(t)
	csvPath := writeFile(t, "cases.csv", casesHeader+
		"Ann,Lee,,,,,Dr Tom Halliwel,2026-01-05,,,,,,,\n"+
		"Bo,Ray,,,,,DR RUTH ASHWORTH,2026-01-05,,,,,,,\n"+
		"Cy,Fox,,,,,  sanjay MISTRY ,2026-01-05,,,,,,,\n")
	r := caseload(t, nil, "cases", "import", "--db", db, csvPath)
	want := `line 2: allocated_clinician: "Dr Tom Halliwel" is not a clinician of the team: use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated` + "\n" +
		`line 3: allocated_clinician: "DR RUTH ASHWORTH" has left the team (deactivated): use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated` + "\n"
	if r.code != exitWrong || r.stderr != want {
		t.Errorf("exit %d\nstderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
	if n := openCases(t, db); n != 0 {
		t.Errorf("%d cases written", n)
	}
}

func TestCasesImportRecallBeforeRelease(t *testing.T) {
	db := teamDB(t)
	csvPath := writeFile(t, "cases.csv", casesHeader+
		"Ann,Lee,,999 000 0018,,,,2026-01-05,,,2026-03-10,09/03/2026,,,\n"+
		"Bo,Ray,,,,,,2026-01-05,,,,2026-03-10,,,\n")
	r := caseload(t, nil, "cases", "import", "--db", db, "--dry-run", csvPath)
	want := "line 2: recalled_on: 2026-03-09 is before the actual release date 2026-03-10: a recall date before the actual release date is an error\n" +
		"line 3: actual_release_date: is required when recalled_on is given: a recall follows a release\n"
	if r.code != exitWrong || r.stderr != want || r.stdout != "" {
		t.Errorf("exit %d\nstderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
}

func TestCasesImportUsage(t *testing.T) {
	db := teamDB(t)
	for _, tt := range []struct {
		args []string
		code int
		text string
	}{
		{[]string{"cases", "--db", db}, exitUsage, "cases needs a command: import"},
		{[]string{"cases", "import", "--db", db}, exitUsage, "import needs one file: caseload cases import [--dry-run] CASES.csv"},
		{[]string{"cases", "import", "--db", db, db + ".missing.csv"}, exitWrong, "cannot read the cases file"},
	} {
		r := caseload(t, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.text) {
			t.Errorf("%q: exit %d, stderr %q", tt.args, r.code, r.stderr)
		}
	}
	if r := must(t, caseload(t, nil, "cases", "import", "--help")); !strings.Contains(r.stdout, "mappa_category") {
		t.Errorf("help does not name the columns:\n%s", r.stdout)
	}
}
