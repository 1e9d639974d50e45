package casecsv

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestReadGoodFiles(t *testing.T) {
	std := file(false, nil, goodRow(), with("given_name", "Łukasz", "nhs_number", "9997654323"))
	var upper []string
	for _, c := range slices.Backward(Columns) {
		upper = append(upper, "  "+strings.ToUpper(c))
	}
	tests := []struct {
		name      string
		in        string
		wantLines []int
	}{
		{"plain", std, []int{2, 3}},
		{"byte order mark", "\uFEFF" + std, []int{2, 3}},
		{"CRLF line ends", file(true, nil, goodRow(), with("nhs_number", "")), []int{2, 3}},
		{"reordered upper-case header", file(false, upper, goodRow()), []int{2}},
		{"blank lines and empty rows skipped", strings.Replace(std, "\n", "\n\n,,,,,,,,,,,,,,\n", 1), []int{4, 5}},
		{"header only", file(false, nil), nil},
		{"header only with BOM and CRLF", "\uFEFF" + file(true, nil), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(tt.in), env, team)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", messages(errs))
			}
			var lines []int
			for _, r := range rows {
				lines = append(lines, r.Line)
				if r.Case.Line != r.Line {
					t.Errorf("row on line %d says its case is on line %d", r.Line, r.Case.Line)
				}
			}
			if !slices.Equal(lines, tt.wantLines) {
				t.Errorf("rows on lines %v, want %v", lines, tt.wantLines)
			}
		})
	}
}

func TestReadFillsEveryField(t *testing.T) {
	rows, errs := Read(strings.NewReader(file(true, nil, goodRow())), env, team)
	if len(errs) > 0 || len(rows) != 1 {
		t.Fatalf("rows %d, errors %v", len(rows), messages(errs))
	}
	want := domain.ImportedCase{
		Person: domain.Person{GivenName: "Siobhán", FamilyName: "O'Connor", DateOfBirth: ident.MustDate(1990, 5, 17),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", CRN: "X123456"},
		ClinicianID: 1,
		AcceptedOn:  ident.MustDate(2026, 3, 2),
		Release: domain.CaseRelease{
			Dates:      domain.SentenceDates{{Date: ident.MustDate(2026, 6, 1), Kind: domain.ReleaseCRD}},
			Actual:     ident.MustDate(2026, 5, 29),
			RecalledOn: ident.MustDate(2026, 9, 14),
		},
		MAPPA: &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2, Level: 1,
			AsAt: ident.MustDate(2026, 3, 2), Active: true},
		ResettlementArea: "Blackburn with Darwen",
		Line:             2,
	}
	if got := rows[0].Case; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// The least a row can be: a name and the day it was accepted.
func TestReadMinimalRow(t *testing.T) {
	row := map[string]string{"given_name": "Bo", "family_name": "Minimal", "accepted_on": "1/2/2025"}
	rows, errs := Read(strings.NewReader(file(false, nil, row)), env, nil)
	if len(errs) > 0 || len(rows) != 1 {
		t.Fatalf("rows %d, errors %v", len(rows), messages(errs))
	}
	c := rows[0].Case
	if c.ClinicianID != 0 || c.MAPPA != nil || !reflect.DeepEqual(c.Release, domain.CaseRelease{}) || c.AcceptedOn != ident.MustDate(2025, 2, 1) {
		t.Errorf("got %+v", c)
	}
}

func TestReadHeaderProblems(t *testing.T) {
	without := slices.DeleteFunc(slices.Clone(Columns), func(c string) bool { return c == "crn" || c == "mappa_level" })
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty file", "", []string{"line 1: no header: the file is empty; its first line must name the columns: " + strings.Join(Columns, ",")}},
		{"missing columns", file(false, without), []string{`line 1: missing column "crn"`, `line 1: missing column "mappa_level"`}},
		{"unknown, blank and repeated", file(false, append(slices.Clone(legacyColumns), "rosh", "", " NHS_number")), []string{
			`line 1: unknown column "rosh"`, "line 1: column 17 has no name in the header",
			`line 1: column "nhs_number" appears twice, as columns 4 and 18`}},
		{"broken quote in header", "\"given_name,family_name\n", []string{
			"line 1: header: a field in quotation marks is not closed, or has text after its closing quotation mark"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(tt.in), env, team)
			if got := messages(errs); len(rows) != 0 || !slices.Equal(got, tt.want) {
				t.Errorf("rows %d, errors\n%s\nwant\n%s", len(rows), strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Record-level problems are reported on their lines and reading goes on past them.
func TestReadRecordProblems(t *testing.T) {
	in := file(false, nil, goodRow()) + "only,three,fields\n" + "\"bad \"quote\",x\n" + file(false, nil, with("nhs_number", "9997654323"))[len(file(false, nil)):]
	rows, errs := Read(strings.NewReader(in), env, team)
	want := []string{
		"line 3: wrong number of fields: 3, want 15",
		`line 4: a field in quotation marks is not closed, or has text after its closing quotation mark`,
	}
	if got := messages(errs); !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 2 || rows[0].Line != 2 || rows[1].Line != 5 {
		t.Errorf("rows %+v", rows)
	}
}

func TestReadDuplicateNHSNumbers(t *testing.T) {
	in := file(false, nil, goodRow(), with("nhs_number", "9997654323"), with("nhs_number", " 9990000018 ", "given_name", ""))
	rows, errs := Read(strings.NewReader(in), env, team)
	want := []string{
		"line 4: given_name: is required",
		"line 4: nhs_number: 999 000 0018 is also on line 2: a person has one open case, so give each person one row",
	}
	if got := messages(errs); !slices.Equal(got, want) {
		t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rows) != 2 {
		t.Errorf("%d rows, want the first two", len(rows))
	}
}
