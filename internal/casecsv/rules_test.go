package casecsv

import (
	"slices"
	"strings"
	"testing"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// TestReadRules checks each rule of a row on its own: the row is goodRow changed by
// change, and want is every problem, as printed, in column order.
func TestReadRules(t *testing.T) {
	tests := []struct {
		name   string
		change []string
		want   []string
	}{
		// Required columns.
		{"no given name", []string{"given_name", " "}, []string{"given_name: is required"}},
		{"no family name", []string{"family_name", ""}, []string{"family_name: is required"}},
		{"no accepted_on", []string{"accepted_on", ""}, []string{"accepted_on: is required"}},

		// The referral rules, for the columns the imports share.
		{"bad NHS number", []string{"nhs_number", "999 000 0017"},
			[]string{"nhs_number: NHS number 999 000 0017 fails the modulus 11 check: the last digit should be 8"}},
		{"bad prison number", []string{"prison_number", "AB1234C"}, nil},
		{"bad CRN", []string{"crn", "X12345"}, nil},
		{"date of birth in the future", []string{"date_of_birth", "2026-11-25"},
			[]string{"date_of_birth: date of birth 2026-11-25 is in the future"}},
		{"bad expected release date", []string{"expected_release_date", "31/02/2027"},
			[]string{"expected_release_date: date 31/02/2027 does not exist: February 2027 has 28 days"}},
		{"bad release date type", []string{"release_date_type", "SED"}, nil},
		{"resettlement area with a control character", []string{"resettlement_area", "Pres\x07ton"},
			[]string{"resettlement_area: contains a control character; retype it without pasting hidden characters"}},
		{"resettlement area too long", []string{"resettlement_area", strings.Repeat("a", 101)},
			[]string{"resettlement_area: is 101 characters long; at most 100 are allowed"}},
		{"not UTF-8", []string{"family_name", "O\xd5Connor"}, []string{csvfile.FileNotUTF8, "family_name: " + notUTF8}},
		{"a lost letter in a name", []string{"family_name", "?Brien"},
			[]string{"family_name: a letter looks lost (`?`): save the file as CSV UTF-8"}},
		{"a replacement character", []string{"given_name", "Se\uFFFDn"},
			[]string{"given_name: a letter looks lost (`\uFFFD`): save the file as CSV UTF-8"}},
		{"a lost letter in a clinician's name", []string{"allocated_clinician", "Sanjay Mistr?"},
			[]string{"allocated_clinician: a letter looks lost (`?`): save the file as CSV UTF-8"}},

		// Dates of the case.
		{"bad accepted_on", []string{"accepted_on", "03/31/2026"},
			[]string{`accepted_on: "03/31/2026" is not a date: use YYYY-MM-DD or DD/MM/YYYY (month-first dates are not accepted)`}},
		{"accepted_on in the future", []string{"accepted_on", "2026-11-25"},
			[]string{"accepted_on: 2026-11-25 is in the future (today is 2026-11-24): give the day the team accepted the case"}},
		{"accepted today", []string{"accepted_on", "24/11/2026"}, []string{}},
		{"actual release in the future", []string{"actual_release_date", "2026-12-01", "recalled_on", ""},
			[]string{"actual_release_date: 2026-12-01 is in the future (today is 2026-11-24): an expected date goes in expected_release_date"}},
		{"recall in the future", []string{"recalled_on", "2026-11-30"},
			[]string{"recalled_on: 2026-11-30 is in the future (today is 2026-11-24): give the day the person was recalled"}},
		{"recall without a release", []string{"actual_release_date", ""},
			[]string{"actual_release_date: is required when recalled_on is given: a recall follows a release"}},
		{"recall before the release", []string{"recalled_on", "2026-05-28"},
			[]string{"recalled_on: 2026-05-28 is before the actual release date 2026-05-29: a recall date before the actual release date is an error"}},
		{"recall on the day of release", []string{"recalled_on", "2026-05-29"}, []string{}},
		{"bad release date is not blamed on the recall", []string{"actual_release_date", "yesterday"},
			[]string{`actual_release_date: "yesterday" is not a date: use YYYY-MM-DD or DD/MM/YYYY`}},
		{"expected date without a type", []string{"release_date_type", ""}, []string{}},

		// The clinician.
		{"clinician named loosely", []string{"allocated_clinician", "  dr TOM   halliwell "}, []string{}},
		{"unallocated", []string{"allocated_clinician", ""}, []string{}},
		{"unknown clinician", []string{"allocated_clinician", "Dr Nobody"},
			[]string{`allocated_clinician: "Dr Nobody" is not a clinician of the team: use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated`}},
		{"clinician who has left", []string{"allocated_clinician", "dr ruth ashworth"},
			[]string{`allocated_clinician: "dr ruth ashworth" has left the team (deactivated): use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated`}},

		// MAPPA.
		{"category without a level", []string{"mappa_level", ""}, []string{}},
		{"not MAPPA, upper case", []string{"mappa_category", "NOT_MAPPA", "mappa_level", ""}, []string{}},
		{"bad category", []string{"mappa_category", "4"},
			[]string{`mappa_category: "4" is not a MAPPA category: use one of 1, 2, 3, not_mappa, unknown`}},
		{"bad level", []string{"mappa_level", "4"},
			[]string{`mappa_level: "4" is not a MAPPA level: use 1, 2 or 3, or leave it blank for none`}},
		{"level with not_mappa", []string{"mappa_category", "not_mappa"},
			[]string{"mappa_level: is 1 but the category is not_mappa: a person who is not MAPPA has no MAPPA level"}},
		{"level without a category", []string{"mappa_category", ""},
			[]string{"mappa_category: is blank but mappa_level is 1: give the category (1, 2, 3, not_mappa, unknown) or clear the level"}},

		// Every problem of a row at once, left to right.
		{"several", []string{"given_name", "", "nhs_number", "123", "allocated_clinician", "Nobody", "accepted_on", "2027-01-01", "mappa_category", "x"},
			[]string{"given_name: is required", `nhs_number: NHS number "123" has 3 digits: it should have 10`,
				`allocated_clinician: "Nobody" is not a clinician of the team: use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated`,
				"accepted_on: 2027-01-01 is in the future (today is 2026-11-24): give the day the team accepted the case",
				`mappa_category: "x" is not a MAPPA category: use one of 1, 2, 3, not_mappa, unknown`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, errs := Read(strings.NewReader(file(false, nil, with(tt.change...))), env, team)
			got := messages(errs)
			for i := range got {
				got[i] = strings.TrimPrefix(got[i], "line 2: ")
			}
			if tt.want == nil { // the referral rule's own words: only that it is reported
				if len(got) != 1 || !strings.HasPrefix(got[0], tt.change[0]+": ") || len(rows) != 0 {
					t.Errorf("got %q, want one problem in %s", got, tt.change[0])
				}
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if (len(rows) == 1) != (len(tt.want) == 0) {
				t.Errorf("%d rows with %d problems", len(rows), len(tt.want))
			}
		})
	}
}

// ImportedCase.Check guards the store too: what a hand-built case gets wrong is named by
// its column.
func TestCheckHandBuiltCase(t *testing.T) {
	today := ident.MustDate(2026, 11, 24)
	c := domain.ImportedCase{
		Person:     domain.Person{GivenName: "Ann"},
		AcceptedOn: today,
		Release:    domain.CaseRelease{Dates: domain.SentenceDates{{Date: today, Kind: "soon"}}},
		MAPPA:      &domain.ForumInvolvement{Forum: domain.ForumMARAC},
	}
	var got []string
	for _, fe := range c.Check(today) {
		got = append(got, fe.Error())
	}
	want := []string{"family_name: is required",
		`release_date_type: "soon" is not a kind of sentence date: use one of confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, other, LED, SED, SLED, TUSED`,
		"mappa_category: MARAC is not MAPPA: the cases import records MAPPA only"}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	c.MAPPA = &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: "9", Level: 7}
	got = got[:0]
	for _, fe := range c.Check(today)[2:] {
		got = append(got, fe.Error())
	}
	want = []string{`mappa_category: "9" is not a MAPPA category: use one of 1, 2, 3, not_mappa, unknown`,
		"mappa_level: 7 is not a MAPPA level: use 1, 2 or 3, or leave it blank for none"}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFindActiveClinicianTwoOfOneName(t *testing.T) {
	cs := append(slices.Clone(team), domain.Clinician{ID: 4, Name: "sanjay  mistry", Active: true})
	_, err := domain.FindActiveClinician(cs, "Sanjay Mistry")
	want := `"Sanjay Mistry" names 2 active clinicians (ids 2, 4): give one of them a name of their own in caseload clinicians first`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if _, err := domain.FindActiveClinician(nil, "Anyone"); err == nil || !strings.Contains(err.Error(), "the team has no active clinicians yet") {
		t.Errorf("empty team: %v", err)
	}
}
