package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// A second referral with the same NHS number, prison number or PNC ID joins the person
// held; the same family name and date of birth with nothing shared is a new person,
// recorded on the referral as a possible duplicate, read back, and in the audit.
// docs/RULES.md, "Possible duplicates" (issue 11, finding 7).
func TestAddReferralMatchesPeopleHeld(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	dob := ident.MustDate(1990, time.February, 3)
	first := minimalReferral()
	first.Person = domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: dob,
		NHSNumber: testNHS(1), PrisonNumber: "A1234BC", PNCID: testPNC(t, 42)}
	firstID, m, err := s.AddReferralMatched(ctx, "test", t0, first)
	if err != nil || m.Kind != domain.MatchNone {
		t.Fatalf("first: %v, %+v", err, m)
	}
	held, _ := s.Referral(ctx, firstID)

	tests := []struct {
		name     string
		p        domain.Person
		kind     domain.MatchKind
		by       string
		samePers bool
	}{
		{"NHS number", domain.Person{GivenName: "Aoife", FamilyName: "Brennan", NHSNumber: testNHS(1)}, domain.MatchSame, "nhs_number", true},
		{"prison number", domain.Person{GivenName: "aoife", FamilyName: "Brennan", PrisonNumber: "A1234BC"}, domain.MatchSame, "prison_number", true},
		{"PNC ID", domain.Person{GivenName: "Aoife", FamilyName: "BRENNAN", PNCID: testPNC(t, 42)}, domain.MatchSame, "pnc_id", true},
		{"name and date of birth", domain.Person{GivenName: "Eve", FamilyName: "Brennan", DateOfBirth: dob}, domain.MatchPossible, "", false},
		{"nobody", domain.Person{GivenName: "Eve", FamilyName: "Lund", DateOfBirth: dob}, domain.MatchNone, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := minimalReferral()
			r.Person = tt.p
			id, m, err := s.AddReferralMatched(ctx, "test", t0, r)
			if err != nil || m.Kind != tt.kind || m.By != tt.by {
				t.Fatalf("got %+v, %v; want %s by %q", m, err, tt.kind, tt.by)
			}
			got, err := s.Referral(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if (got.Person.ID == held.Person.ID) != tt.samePers {
				t.Errorf("person %d, held %d: same %v, want %v", got.Person.ID, held.Person.ID, !tt.samePers, tt.samePers)
			}
			wantDup := int64(0)
			if tt.kind == domain.MatchPossible {
				wantDup = held.Person.ID
			}
			if got.PossibleDuplicateOf != wantDup {
				t.Errorf("possible_duplicate_of %d, want %d", got.PossibleDuplicateOf, wantDup)
			}
			es, err := s.AuditEntries(ctx, "referral", id)
			if err != nil || len(es) != 1 {
				t.Fatalf("audit %+v, %v", es, err)
			}
			if tt.by != "" && !strings.Contains(es[0].Detail, `"linked_by":"`+tt.by+`"`) ||
				wantDup != 0 && !strings.Contains(es[0].Detail, `"possible_duplicate_of":`) {
				t.Errorf("audit detail %s", es[0].Detail)
			}
		})
	}
	mustVerify(t, s)

	// The same NHS number under another name is still refused, naming the field.
	_, _, err = s.AddReferralMatched(ctx, "test", t0, person("Eve", "Brennan", testNHS(1)))
	wantErr(t, "another name", err, "is already held for another person", ErrConflict)
}
