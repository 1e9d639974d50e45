package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// importedCases are three cases as the importer hands them over: one with everything,
// one unallocated with a confirmed date and not MAPPA, and one with no NHS number.
func importedCases(clinician int64) []domain.ImportedCase {
	d := ident.MustDate
	return []domain.ImportedCase{{
		Person: domain.Person{GivenName: "Ada", FamilyName: "Testperson", DateOfBirth: d(1985, 3, 14),
			NHSNumber: testNHS(1), PrisonNumber: "A1234BC", CRN: "X123456"},
		ClinicianID: clinician, AcceptedOn: d(2026, 3, 2),
		Release: domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2026, 6, 1), Kind: domain.ReleaseCRD}},
			Actual: d(2026, 5, 29), RecalledOn: d(2026, 9, 14)},
		MAPPA: &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPACategory2, Level: 1,
			AsAt: d(2026, 3, 2), Active: true},
		ResettlementArea: "Preston", Line: 2,
	}, {
		Person:     domain.Person{GivenName: "Łukasz", FamilyName: "Wiśniewski", NHSNumber: testNHS(2)},
		AcceptedOn: d(2026, 7, 15),
		Release:    domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2027, 1, 6), Kind: domain.ReleaseConfirmed}}},
		MAPPA:      &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPANotMAPPA},
		Line:       3,
	}, {
		Person:      domain.Person{GivenName: "Noor", FamilyName: "Al-Rashid"},
		ClinicianID: clinician, AcceptedOn: d(2025, 12, 1),
		Release: domain.CaseRelease{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2027, 4, 30)}}},
		Line:    5,
	}}
}

func TestImportCases(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	clin := mustClinician(t, s, "Dr Tom Halliwell", true)
	// Ada is already known from a referral: her person is reused, not duplicated.
	known := mustAdd(t, s, person("ada", "TESTPERSON", testNHS(1)))
	ids, err := s.ImportCases(ctx, "os:alice", t0, importedCases(clin))
	if err != nil || len(ids) != 3 {
		t.Fatalf("ImportCases = %v, %v", ids, err)
	}
	if n := count(t, s, "people"); n != 3 {
		t.Errorf("%d people, want 3 (Ada reused)", n)
	}
	ref, _ := s.Referral(ctx, known)

	type caseRow struct {
		person, clinician                          int64
		opened, status, received, screened, source string
		refStatus, reason, entered, expected, kind string
	}
	want := []caseRow{
		{ref.Person.ID, clin, "2026-03-02T09:00:00Z", "open", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z", "other",
			"accepted", domain.ImportedReferralReason, "2026-11-24T09:00:00Z", "2026-06-01", "CRD"},
		// 09:00 London in July is 08:00 UTC.
		{0, 0, "2026-07-15T08:00:00Z", "open", "2026-07-15T08:00:00Z", "2026-07-15T08:00:00Z", "other",
			"accepted", domain.ImportedReferralReason, "2026-11-24T09:00:00Z", "2027-01-06", "confirmed"},
		{0, clin, "2025-12-01T09:00:00Z", "open", "2025-12-01T09:00:00Z", "2025-12-01T09:00:00Z", "other",
			"accepted", domain.ImportedReferralReason, "2026-11-24T09:00:00Z", "2027-04-30", ""},
	}
	for i, id := range ids {
		var got caseRow
		err := s.db.QueryRow(`SELECT c.person_id, ifnull(c.allocated_clinician_id, 0), c.opened_at, c.status,
			r.received_at, r.screened_at, r.source, r.status, r.referral_reason, r.entered_at,
			ifnull(r.expected_release_date, ''), ifnull(r.release_date_type, '')
			FROM cases c JOIN referrals r ON r.id = c.referral_id WHERE c.id = ?`, id).Scan(&got.person, &got.clinician,
			&got.opened, &got.status, &got.received, &got.screened, &got.source, &got.refStatus, &got.reason,
			&got.entered, &got.expected, &got.kind)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			want[i].person = got.person // new people: any id
		}
		if got != want[i] {
			t.Errorf("case %d:\n got %+v\nwant %+v", i+1, got, want[i])
		}
	}

	d := ident.MustDate
	wantRelease := []domain.CaseRelease{
		{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2026, 6, 1), Kind: domain.ReleaseCRD}}, Actual: d(2026, 5, 29), RecalledOn: d(2026, 9, 14)},
		{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2027, 1, 6), Kind: domain.ReleaseConfirmed, Confirmed: true}}},
		{Dates: domain.SentenceDates{domain.ReleaseDate{Date: d(2027, 4, 30)}}},
	}
	for i, id := range ids {
		got, err := s.CaseRelease(ctx, id)
		if err != nil || !reflect.DeepEqual(got, wantRelease[i]) {
			t.Errorf("case %d release = %+v, %v; want %+v", i+1, got, err, wantRelease[i])
		}
	}

	var forums []string
	rows, err := s.db.Query(`SELECT case_id, forum, category, ifnull(level, 0), as_at, active FROM forum_involvements ORDER BY case_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var caseID, level, active int64
		var forum, category, asAt string
		if err := rows.Scan(&caseID, &forum, &category, &level, &asAt, &active); err != nil {
			t.Fatal(err)
		}
		forums = append(forums, fmt.Sprint(forum, " ", category, " ", level, " ", asAt, " ", active))
	}
	rows.Close()
	// The second case's AsAt was left zero: it is the day the case was accepted.
	if w := []string{"MAPPA 2 1 2026-03-02 1", "MAPPA not_mappa 0 2026-07-15 1"}; !reflect.DeepEqual(forums, w) {
		t.Errorf("forum_involvements %q, want %q", forums, w)
	}

	for i, id := range ids {
		entries, err := s.AuditEntries(ctx, "case", id)
		if err != nil || len(entries) != 1 || entries[0].Action != "case.imported" || entries[0].Actor != "os:alice" {
			t.Fatalf("case %d audit: %+v, %v", i+1, entries, err)
		}
		var detail map[string]int64
		if err := json.Unmarshal([]byte(withoutSeals(entries[0].Detail)), &detail); err != nil {
			t.Fatal(err)
		}
		if detail["case_id"] != id || detail["referral_id"] == 0 || detail["person_id"] == 0 ||
			detail["line"] != int64(importedCases(clin)[i].Line) || len(detail) != 4 {
			t.Errorf("case %d audit detail %s", i+1, entries[0].Detail)
		}
	}
	if n := count(t, s, "audit"); n != 1+1+1+3 { // database created, clinician, referral, three cases
		t.Errorf("%d audit entries", n)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify after import: %v", err)
	}
	// Imported referrals are decided: they never join the screening queue.
	if un, err := s.UnscreenedReferrals(ctx); err != nil || len(un) != 1 || un[0].ID != known {
		t.Errorf("unscreened: %d referrals, %v", len(un), err)
	}
}

// A case at fault anywhere in the batch, here the third, stops the whole import: nothing
// is written, and the error points at the case and its column.
func TestImportCasesAllOrNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	clin := mustClinician(t, s, "Dr Tom Halliwell", true)
	gone := mustClinician(t, s, "Dr Ruth Ashworth", false)
	open := openCase(t, s, clin, 0) // testNHS(500), Ada Testperson
	tables := []string{"people", "referrals", "cases", "case_release", "forum_involvements", "audit"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = count(t, s, tb)
	}
	tests := []struct {
		name   string
		change func(c *domain.ImportedCase)
		field  string
		kind   error
		text   string
	}{
		{"recall before release", func(c *domain.ImportedCase) {
			c.Release.Actual, c.Release.RecalledOn = ident.MustDate(2026, 5, 1), ident.MustDate(2026, 4, 1)
		}, "recalled_on", ErrInvalid, "a recall date before the actual release date is an error"},
		{"open case", func(c *domain.ImportedCase) {
			c.Person = domain.Person{GivenName: "Ada", FamilyName: "Testperson", NHSNumber: testNHS(500)}
		}, "nhs_number", ErrConflict, "already has an open case"},
		{"NHS number held under another name", func(c *domain.ImportedCase) {
			c.Person = domain.Person{GivenName: "Bo", FamilyName: "Other", NHSNumber: testNHS(500)}
		}, "nhs_number", ErrConflict, "is already held for another person"},
		{"same person twice in the batch", func(c *domain.ImportedCase) {
			c.Person = domain.Person{GivenName: "Ada", FamilyName: "Testperson", NHSNumber: testNHS(1)}
		}, "nhs_number", ErrConflict, "already has an open case"},
		{"clinician who has left", func(c *domain.ImportedCase) { c.ClinicianID = gone },
			"allocated_clinician", ErrInvalid, "is not an active clinician"},
		{"MAPPA level with not_mappa", func(c *domain.ImportedCase) {
			c.MAPPA = &domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: domain.MAPPANotMAPPA, Level: 2}
		}, "mappa_level", ErrInvalid, "has no MAPPA level"},
		{"impossible date", func(c *domain.ImportedCase) { c.AcceptedOn = ident.Date{Year: 2026, Month: 2, Day: 30} },
			"accepted_on", ErrInvalid, "is not a real date"},
		{"accepted in the future", func(c *domain.ImportedCase) { c.AcceptedOn = ident.MustDate(2026, 11, 25) },
			"accepted_on", ErrInvalid, "is in the future"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := importedCases(clin)
			tt.change(&cs[2])
			ids, err := s.ImportCases(ctx, "os:alice", t0, cs)
			var ce *CaseImportError
			if !errors.As(err, &ce) || ce.Index != 2 || ce.Field != tt.field || ids != nil {
				t.Fatalf("ImportCases = %v, %v (%#v); want case 3, %s", ids, err, ce, tt.field)
			}
			wantErr(t, tt.name, err, tt.text, tt.kind)
			if !strings.HasPrefix(err.Error(), "case 3: "+tt.field+": ") {
				t.Errorf("message %q", err)
			}
			for _, tb := range tables {
				if n := count(t, s, tb); n != before[tb] {
					t.Errorf("%s: %d rows, had %d", tb, n, before[tb])
				}
			}
		})
	}
	if _, err := s.Case(ctx, open); err != nil {
		t.Error(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

// CheckCaseImport reports every case that conflicts with what is recorded, and writes
// nothing; a second import of the same cases conflicts on every NHS number.
func TestCheckCaseImport(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	clin := mustClinician(t, s, "Dr Tom Halliwell", true)
	cs := importedCases(clin)
	if problems, err := s.CheckCaseImport(ctx, t0, cs); err != nil || len(problems) != 0 {
		t.Fatalf("fresh database: %v, %v", problems, err)
	}
	if _, err := s.ImportCases(ctx, "os:alice", t0, cs); err != nil {
		t.Fatal(err)
	}
	audit := count(t, s, "audit")
	again := append(importedCases(clin), importedCases(clin)[2]) // no NHS number: never a conflict
	again[1].Person.GivenName = "Lukasz"                         // another name for a held number
	problems, err := s.CheckCaseImport(ctx, t0.Add(time.Hour), again)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		if !errors.Is(p, ErrConflict) {
			t.Errorf("%v is not a conflict", p)
		}
		got = append(got, p.Error())
	}
	want := []string{
		"case 1: nhs_number: NHS number " + testNHS(1).String() + " already has an open case (case 1): the person is on the caseload already",
		"case 2: nhs_number: NHS number " + testNHS(2).String() + " is already held for another person (person 2): check the number",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := count(t, s, "audit"); n != audit {
		t.Errorf("a check wrote %d audit entries", n-audit)
	}
	dup := []domain.ImportedCase{importedCases(clin)[2], importedCases(clin)[2]}
	dup[0].Person.NHSNumber, dup[1].Person.NHSNumber = testNHS(9), testNHS(9)
	problems, err = s.CheckCaseImport(ctx, t0, dup)
	if err != nil || len(problems) != 1 || problems[0].Index != 1 ||
		problems[0].Error() != "case 2: nhs_number: NHS number "+testNHS(9).String()+" is also in case 1 of this import: a person has one open case" {
		t.Errorf("duplicate in the batch: %v, %v", problems, err)
	}
}
