package referralcsv

import (
	"slices"
	"strings"
	"testing"
)

func TestReadReportsEachBadValue(t *testing.T) {
	tests := []struct {
		column, value, want string // want: a part of the message
	}{
		{"received_at", "2026-11-25 09:00", "in the future"},
		{"received_at", "", "is required"},
		{"received_at", "2026-03-29 01:30", "does not exist"},
		{"source", "court", "not a referral source"},
		{"referrer_email", "rachel at example", "not an email address"},
		{"given_name", "  ", "is required"},
		{"family_name", "Bell\x07", "control character"},
		{"date_of_birth", "31/02/1990", "does not exist"},
		{"date_of_birth", "2030-01-01", "in the future"},
		{"nhs_number", "999 000 0017", "fails the modulus 11 check"},
		{"nhs_number", "99900000180", "has 11 digits"},
		{"prison_number", "AB1234C", "not in the form A1234BC"},
		{"pnc_id", "2001/0123456X", "wrong check letter"},
		{"crn", "12345X", "not in the form X123456"},
		{"expected_release_date", "01/13/2027", "month-first"},
		{"release_date_type", "soon", "not a release date type"},
		{"rosh", "extreme", "not a RoSH level"},
		{"priority_group", "4", "not a priority group"},
		{"complex_health_needs", "maybe", "not yes or no"},
		{"approved_premises", "perhaps", "not yes or no"},
		{"resettlement_area", strings.Repeat("x", 101), "at most 100"},
		// A letter lost by a spreadsheet's legacy encoding (issue 11, finding 9).
		{"family_name", "?Brien", "a letter looks lost (`?`): save the file as CSV UTF-8"},
		{"family_name", "\uFFFDBrien", "a letter looks lost (`\uFFFD`): save the file as CSV UTF-8"},
		{"given_name", "Zo?", "a letter looks lost (`?`)"},
		{"referrer_name", "Se?n Kelly", "a letter looks lost (`?`)"},
		{"current_prison", "HMP ?", "a letter looks lost (`?`)"},
		{"resettlement_area", "Barrow-in-Furness?", "a letter looks lost (`?`)"},
		{"referral_reason", "caf\uFFFD", "a letter looks lost (`\uFFFD`)"},
		{"referrer_org", "Probation \uFFFD", "a letter looks lost"},
	}
	for _, tt := range tests {
		t.Run(tt.column+"="+tt.value, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(file(false, nil, goodRow(), with(tt.column, tt.value))), env)
			if len(rows) != 1 || len(errs) != 1 {
				t.Fatalf("got %d rows and errors %v; want the first row and one error", len(rows), errs)
			}
			e := errs[0]
			if e.Line != 4 || e.Column != tt.column || !strings.Contains(e.Msg, tt.want) {
				t.Errorf("got %q; want line 4, %s, %q", e.Error(), tt.column, tt.want)
			}
		})
	}
}

func TestReadReportsEveryBadRow(t *testing.T) {
	in := "received_at,source,referrer_name,referrer_org,referrer_email,given_name,family_name,date_of_birth,nhs_number,prison_number,pnc_id,crn,current_prison,expected_release_date,release_date_type,rosh,priority_group,complex_health_needs,resettlement_area,approved_premises,referral_reason\r\n" +
		"2026-11-23 14:05,probation,,,,Ann,Lee,,999 000 0017,,,,,,,,,,,,\r\n" + // line 2: bad NHS number
		"2026-11-23 14:05,probation,,,,Ann,Lee,,,,,,,,,,,,,\r\n" + // line 3: 20 fields
		"\r\n" + // line 4: blank, skipped
		"2026-11-23 14:05,\"probation\",,,,\"Ann\nMarie\",,,,,,,,,,,,,,,\r\n" + // lines 5-6: no family name, a newline in a given name
		"2026-11-23 14:05,probation,,,,Ann,Lee,,,,,,,,,,,,,,\r\n" + // line 7: fine
		"2026-11-23 14:05,pro\"bation,,,,Ann,Lee,,,,,,,,,,,,,,\r\n" + // line 8: bare quote
		"2026-11-23 14:05,self,,,,Ann,L\xe9e,,,,,,,,,,,,,,\r\n" + // line 9: Windows-1252, not UTF-8
		"2026-11-32 14:05,other,,,,Ann,Lee,,,,,9,,,,,,,,,\r\n" // line 10: two bad values, in field order
	rows, errs := Read(strings.NewReader(in), env)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"line 2: nhs_number: NHS number 999 000 0017 fails the modulus 11 check: the last digit should be 8",
		"line 3: wrong number of fields: 20, want 21",
		"line 5: given_name: contains a control character; retype it without pasting hidden characters",
		"line 5: family_name: is required",
		`line 8: a quotation mark (") inside a field that does not start with one: put the whole field in quotation marks and double the one inside ("")`,
		"line 9: the file is not UTF-8 text, so letters such as Ó or é cannot be read: save it as CSV UTF-8 and import it again",
		"line 9: family_name: is not valid UTF-8 text: save the file as CSV UTF-8",
		"line 10: received_at: date 2026-11-32 does not exist: November 2026 has 30 days",
		`line 10: crn: CRN "9" is not in the form X123456: one letter then six digits`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 1 || rows[0].Line != 7 {
		t.Errorf("rows %+v, want one on line 7", rows)
	}
}

func TestReadHeaderProblems(t *testing.T) {
	std := "received_at,source,referrer_name,referrer_org,referrer_email,given_name,family_name,date_of_birth,nhs_number,prison_number,pnc_id,crn,current_prison,expected_release_date,release_date_type,rosh,priority_group,complex_health_needs,resettlement_area,approved_premises,referral_reason"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty file", "", []string{"line 1: no header: the file is empty; its first line must name the columns: " + std}},
		{"only a BOM and blank lines", "\uFEFF\n\r\n\n", []string{"line 1: no header: the file is empty; its first line must name the columns: " + std}},
		{"missing column", strings.Replace(std, ",crn", "", 1) + "\n", []string{`line 1: missing column "crn"`}},
		{"unknown and missing", strings.Replace(std, "nhs_number", "NHS No", 1) + "\n", []string{`line 1: unknown column "NHS No"`, `line 1: missing column "nhs_number"`}},
		{"duplicated", std + ", Source \n", []string{`line 1: column "source" appears twice, as columns 2 and 22`}},
		{"unnamed", std + ",\n", []string{"line 1: column 22 has no name in the header"}},
		{"after blank lines", "\n\n" + std + ",x\n", []string{`line 3: unknown column "x"`}},
		{"bad quote", `"received_at` + "\n", []string{"line 1: header: a field in quotation marks is not closed, or has text after its closing quotation mark"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(tt.in+"2026-11-23 14:05,probation\n"), env)
			if tt.name == "empty file" || strings.HasPrefix(tt.name, "only") {
				rows, errs = Read(strings.NewReader(tt.in), env)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if len(rows) != 0 || !slices.Equal(got, tt.want) {
				t.Errorf("rows %d, errors:\n%s\nwant:\n%s", len(rows), strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
