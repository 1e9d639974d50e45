package referralcsv

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

func TestReadGoodFiles(t *testing.T) {
	std := file(false, nil, goodRow(), with("given_name", "Łukasz", "nhs_number", "9997654323"))
	upper := []string{" NHS_Number ", "Received_At"}
	for _, f := range domain.ReferralFields {
		if f.Name != "nhs_number" && f.Name != "received_at" {
			upper = append(upper, strings.ToUpper(f.Name))
		}
	}
	tests := []struct {
		name      string
		in        string
		wantLines []int
	}{
		// The reason holds a line break, so each record takes two lines.
		{"plain", std, []int{2, 4}},
		{"byte order mark", "\uFEFF" + std, []int{2, 4}},
		{"CRLF line ends", file(true, nil, goodRow(), goodRow()), []int{2, 4}},
		{"reordered upper-case header", file(false, upper, goodRow()), []int{2}},
		{"blank lines and empty rows skipped", strings.Replace(std, "\n", "\n\n,,,,,,,,,,,,,,,,,,,,\n", 1), []int{4, 6}},
		{"header only", file(false, nil), nil},
		{"header only with BOM and CRLF", "\uFEFF" + file(true, nil), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(tt.in), env)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			var lines []int
			for _, r := range rows {
				lines = append(lines, r.Line)
			}
			if !slices.Equal(lines, tt.wantLines) {
				t.Errorf("rows on lines %v, want %v", lines, tt.wantLines)
			}
		})
	}
}

func TestReadFillsEveryField(t *testing.T) {
	rows, errs := Read(strings.NewReader(file(true, nil, goodRow())), env)
	if len(errs) > 0 || len(rows) != 1 {
		t.Fatalf("rows %d, errors %v", len(rows), errs)
	}
	want := domain.Referral{
		Person: domain.Person{GivenName: "Siobhán", FamilyName: "O'Connor", DateOfBirth: ident.MustDate(1990, 5, 17),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", PNCID: "2001/0123456F", CRN: "X123456"},
		Source:        domain.SourceProbation,
		Referrer:      domain.Referrer{Name: "Rachel Dunmore", Org: "Probation Service, Preston", Email: "rachel.dunmore@example.org"},
		CurrentPrison: "HMP Preston", ExpectedRelease: ident.MustDate(2027, 3, 31), ReleaseDateType: domain.ReleaseCRD,
		RoSH: domain.RoSHHigh, PriorityGroup: 3, ComplexHealthNeeds: domain.Yes, ResettlementArea: "Preston",
		ApprovedPremises: domain.No, Reason: "Asked for by the COM, \"urgent\".\nSecond line.",
		ReceivedAt: time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC), EnteredAt: env.Now, Status: domain.StatusReceived,
	}
	if got := rows[0].Referral; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
