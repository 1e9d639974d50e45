package casecsv

import (
	"os"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The sample file (testdata/cases.csv) is what a team's export looks like: a byte order
// mark, a header in its own case, UK dates, NHS numbers spaced or not, blanks.
func TestReadSampleFile(t *testing.T) {
	f, err := os.Open("testdata/cases.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, errs := Read(f, env, team)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(messages(errs), "\n"))
	}
	var got []string
	for _, r := range rows {
		c := r.Case
		mappa := "-"
		if c.MAPPA != nil {
			mappa = c.MAPPA.Describe()
		}
		got = append(got, strings.Join([]string{c.Person.Name(), string(c.Person.NHSNumber), strconv.FormatInt(c.ClinicianID, 10),
			c.AcceptedOn.String(), c.Release.Dates.Describe(func(d domain.ReleaseDate) string { return d.Describe(ident.Date.String) }),
			c.Release.Actual.String(), c.Release.RecalledOn.String(), mappa, c.ResettlementArea}, "|"))
	}
	want := []string{
		"Siobhán O'Connor|9997919009|1|2026-03-02|2026-06-01 (CRD)|2026-05-29|2026-09-14|MAPPA category 2, level 1 (as at 2 Mar 2026)|Blackburn with Darwen",
		"Łukasz Wiśniewski|9997998197|2|2026-07-15|2027-01-06 (confirmed)|||Not MAPPA (as at 15 Jul 2026)|Preston",
		"Noor Al-Rashid, Jr|9998077389|0|2026-10-01|2027-04-30|||-|",
		"Ada Testperson||1|2025-12-01|unknown|||MAPPA category unknown (as at 1 Dec 2025)|Westmorland & Furness",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !rows[1].Case.Release.Dates.Of(domain.ReleaseConfirmed).Confirmed || rows[0].Case.Release.Dates.Of(domain.ReleaseCRD).Confirmed {
		t.Errorf("a confirmed date is confirmed, and only that one")
	}
	if !slices.Equal([]int{rows[0].Line, rows[3].Line}, []int{2, 5}) {
		t.Errorf("lines %d..%d", rows[0].Line, rows[3].Line)
	}
}

// A file with problems on every row reports them all, and no row of it.
func TestReadBadSampleFile(t *testing.T) {
	f, err := os.Open("testdata/cases_bad.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, errs := Read(f, env, team)
	want := []string{
		`line 2: allocated_clinician: "Dr Nobody" is not a clinician of the team: use one of Dr Tom Halliwell, Sanjay Mistry, or leave it blank for unallocated`,
		"line 2: recalled_on: 2026-05-14 is before the actual release date 2026-05-29: a recall date before the actual release date is an error",
		"line 3: given_name: is required",
		"line 3: nhs_number: NHS number 999 799 8190 fails the modulus 11 check: the last digit should be 7",
		"line 3: accepted_on: 2026-12-15 is in the future (today is 2026-11-24): give the day the team accepted the case",
		`line 3: release_date_type: "soon" is not a release date type: use one of confirmed, CRD, ARD, PED, HDCED, HDCAD, APD, PRRD, other`,
		"line 3: mappa_level: is 2 but the category is not_mappa: a person who is not MAPPA has no MAPPA level",
		"line 4: nhs_number: 999 791 9009 is also on line 2: a person has one open case, so give each person one row",
		"line 4: mappa_category: is blank but mappa_level is 3: give the category (1, 2, 3, not_mappa, unknown) or clear the level",
	}
	if got := messages(errs); !slices.Equal(got, want) || len(rows) != 0 {
		t.Errorf("%d rows; got\n%s\nwant\n%s", len(rows), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
