package domain

import (
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/ident"
)

var env = ParseEnv{Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), London: clock.London()}

func validInput() ReferralInput {
	return ReferralInput{
		ReceivedAt: "2026-11-23 14:05", Source: "probation", ReferrerName: "Sam Carter",
		ReferrerOrg: "Probation Service, Preston", ReferrerEmail: "sam.carter@example.org",
		GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: "03/02/1990",
		NHSNumber: "999 000 0018", PrisonNumber: "a1234bc", PNCID: "98/42L", CRN: "x123456",
		CurrentPrison: "HMP Preston", ExpectedReleaseDate: "2027-08-31", ReleaseDateType: "crd",
		RoSH: "Very High", PriorityGroup: "3", ComplexHealthNeeds: "yes",
		ResettlementArea: " Preston ", ApprovedPremises: "no", ReferralReason: "Line one\r\nLine two",
	}
}

func TestParseValidReferral(t *testing.T) {
	r, errs := validInput().Parse(env)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := Referral{
		Person: Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1990, 2, 3),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", PNCID: "1998/0000042L", CRN: "X123456"},
		Source:        SourceProbation,
		Referrer:      Referrer{Name: "Sam Carter", Org: "Probation Service, Preston", Email: "sam.carter@example.org"},
		CurrentPrison: "HMP Preston", ExpectedRelease: ident.MustDate(2027, 8, 31), ReleaseDateType: ReleaseCRD,
		RoSH: RoSHVeryHigh, PriorityGroup: 3, ComplexHealthNeeds: Yes, ResettlementArea: "Preston",
		ApprovedPremises: No, Reason: "Line one\nLine two",
		ReceivedAt: time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC), EnteredAt: env.Now, Status: StatusReceived,
	}
	if r != want {
		t.Fatalf("got  %+v\nwant %+v", r, want)
	}
}

func TestParseBlankOptionalFieldsAreUnknown(t *testing.T) {
	r, errs := ReferralInput{ReceivedAt: "2026-11-23T10:00:00Z", Source: "OPD", GivenName: "يوسف", FamilyName: "الحداد"}.Parse(env)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if r.RoSH != "" || r.PriorityGroup != 0 || r.ComplexHealthNeeds != "" || !r.ExpectedRelease.IsZero() || r.Person.NHSNumber != "" {
		t.Fatalf("blank fields not unknown: %+v", r)
	}
}

func TestParseReportsEveryBadField(t *testing.T) {
	tests := []struct {
		field string
		set   func(*ReferralInput)
		want  string // part of the message
	}{
		{"received_at", func(in *ReferralInput) { in.ReceivedAt = "" }, "is required"},
		{"received_at", func(in *ReferralInput) { in.ReceivedAt = "2026-11-25 09:00" }, "in the future"},
		{"received_at", func(in *ReferralInput) { in.ReceivedAt = "2026-03-29 01:30" }, "London"},
		{"source", func(in *ReferralInput) { in.Source = "gp" }, "not a referral source"},
		{"source", func(in *ReferralInput) { in.Source = " " }, "is required"},
		{"referrer_email", func(in *ReferralInput) { in.ReferrerEmail = "sam at example" }, "not an email address"},
		{"given_name", func(in *ReferralInput) { in.GivenName = "  " }, "is required"},
		{"family_name", func(in *ReferralInput) { in.FamilyName = "Bren\x07nan" }, "control character"},
		{"family_name", func(in *ReferralInput) { in.FamilyName = strings.Repeat("a", 201) }, "at most 200"},
		{"date_of_birth", func(in *ReferralInput) { in.DateOfBirth = "31/02/1990" }, "February"},
		{"date_of_birth", func(in *ReferralInput) { in.DateOfBirth = "2027-01-01" }, "in the future"},
		{"nhs_number", func(in *ReferralInput) { in.NHSNumber = "999 000 0017" }, "999 000 0017"},
		{"prison_number", func(in *ReferralInput) { in.PrisonNumber = "AB1234C" }, "AB1234C"},
		{"pnc_id", func(in *ReferralInput) { in.PNCID = "2001/0123456X" }, "2001/0123456X"},
		{"crn", func(in *ReferralInput) { in.CRN = "12345X" }, "12345X"},
		{"expected_release_date", func(in *ReferralInput) { in.ExpectedReleaseDate = "08/31/2027" }, "month-first"},
		{"release_date_type", func(in *ReferralInput) { in.ReleaseDateType = "soon" }, "not a release date type"},
		{"rosh", func(in *ReferralInput) { in.RoSH = "extreme" }, "not a RoSH level"},
		{"priority_group", func(in *ReferralInput) { in.PriorityGroup = "4" }, "1, 2 or 3"},
		{"complex_health_needs", func(in *ReferralInput) { in.ComplexHealthNeeds = "maybe" }, "yes or no"},
		{"approved_premises", func(in *ReferralInput) { in.ApprovedPremises = "true" }, "yes or no"},
		{"referral_reason", func(in *ReferralInput) { in.ReferralReason = "bad \x00 byte" }, "control character"},
	}
	for _, tt := range tests {
		t.Run(tt.field+"/"+tt.want, func(t *testing.T) {
			in := validInput()
			tt.set(&in)
			_, errs := in.Parse(env)
			if len(errs) != 1 || errs[0].Field != tt.field || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("got %v, want one error on %s containing %q", errs, tt.field, tt.want)
			}
			f, _ := FieldByName(tt.field)
			if err := f.Check(*f.Value(&in), env); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check alone: got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseCollectsSeveralErrorsInFieldOrder(t *testing.T) {
	_, errs := ReferralInput{Source: "self", NHSNumber: "123"}.Parse(env)
	var got []string
	for _, e := range errs {
		got = append(got, e.Field)
	}
	if strings.Join(got, ",") != "received_at,given_name,family_name,nhs_number" {
		t.Fatalf("fields in error: %v", got)
	}
}

func TestFieldsMatchTheImportHeader(t *testing.T) {
	const header = "received_at,source,referrer_name,referrer_org,referrer_email,given_name,family_name," +
		"date_of_birth,nhs_number,prison_number,pnc_id,crn,current_prison,expected_release_date," +
		"release_date_type,rosh,priority_group,complex_health_needs,resettlement_area," +
		"approved_premises,referral_reason"
	var names []string
	for _, f := range ReferralFields {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != header {
		t.Fatalf("fields %v do not match the import header", names)
	}
}

func FuzzReferralInputParse(f *testing.F) {
	in := validInput()
	f.Add(in.ReceivedAt, in.Source, in.GivenName, in.DateOfBirth, in.NHSNumber, in.PNCID, in.RoSH, in.PriorityGroup)
	f.Fuzz(func(t *testing.T, received, source, given, dob, nhs, pnc, rosh, group string) {
		in := ReferralInput{ReceivedAt: received, Source: source, GivenName: given, FamilyName: "X",
			DateOfBirth: dob, NHSNumber: nhs, PNCID: pnc, RoSH: rosh, PriorityGroup: group}
		r, errs := in.Parse(env)
		if len(errs) == 0 && (r.Person.GivenName == "" || r.ReceivedAt.After(env.Now) || !r.Source.Accepted() && r.Source != SourceSelf && r.Source != SourceOther) {
			t.Fatalf("accepted an invalid referral: %+v", r)
		}
	})
}
