package domain

import (
	"testing"
	"time"

	"caseload/internal/ident"
)

// TestMatchPerson holds the rule of docs/RULES.md, "Possible duplicates" (issue 11,
// finding 7): each row is a new person against the people held.
func TestMatchPerson(t *testing.T) {
	dob := ident.Date{Year: 1990, Month: time.February, Day: 3}
	aoife := Person{ID: 1, GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: dob,
		NHSNumber: "9990000018", PrisonNumber: "A1234BC", PNCID: "2001/0123456F"}
	noNHS := Person{ID: 2, GivenName: "Ciaran", FamilyName: "Doyle", PrisonNumber: "G5555ZZ", PNCID: "1998/0000042L"}
	irish := Person{ID: 3, GivenName: "Ciarán", FamilyName: "Ó Súilleabháin", DateOfBirth: dob.AddDays(100)}
	held := []Person{aoife, noNHS, irish}
	tests := []struct {
		name string
		p    Person
		kind MatchKind
		by   string
		id   int64
		says string
	}{
		{"nothing in common", Person{GivenName: "Bea", FamilyName: "Lund"}, MatchNone, "", 0, ""},
		{"same NHS number and name", Person{GivenName: "aoife ", FamilyName: "BRENNAN", NHSNumber: "9990000018"},
			MatchSame, "nhs_number", 1, "linked to Aoife Brennan, already held (same NHS number)"},
		{"same NHS number, another name", Person{GivenName: "Eve", FamilyName: "Brennan", NHSNumber: "9990000018"},
			MatchConflict, "nhs_number", 1, ""},
		{"same prison number and name", Person{GivenName: "Aoife", FamilyName: "Brennan", PrisonNumber: "A1234BC"},
			MatchSame, "prison_number", 1, "linked to Aoife Brennan, already held (same prison number)"},
		{"same PNC ID and name", Person{GivenName: "Ciaran", FamilyName: "Doyle", PNCID: "1998/0000042L"},
			MatchSame, "pnc_id", 2, "linked to Ciaran Doyle, already held (same PNC ID)"},
		{"same prison number, another name", Person{GivenName: "Ciarán", FamilyName: "Doyle-Hart", PrisonNumber: "G5555ZZ"},
			MatchPossible, "prison_number", 2, "possibly the same person as Ciaran Doyle, who has the same prison number under another name: check before screening"},
		{"same prison number, another NHS number", Person{GivenName: "Aoife", FamilyName: "Brennan",
			NHSNumber: "9997654323", PrisonNumber: "A1234BC"}, MatchNone, "", 0, ""},
		{"same prison number, NHS number only on the new", Person{GivenName: "Ciaran", FamilyName: "Doyle",
			NHSNumber: "9997654323", PrisonNumber: "G5555ZZ"}, MatchSame, "prison_number", 2, "linked to Ciaran Doyle, already held (same prison number)"},
		{"NHS number outranks prison number", Person{GivenName: "Aoife", FamilyName: "Brennan", NHSNumber: "9990000018",
			PrisonNumber: "G5555ZZ"}, MatchSame, "nhs_number", 1, "linked to Aoife Brennan, already held (same NHS number)"},
		{"same family name and date of birth", Person{GivenName: "Eve", FamilyName: "brennan", DateOfBirth: dob},
			MatchPossible, "", 1, "possibly the same person as Aoife Brennan, born 03/02/1990: check before screening"},
		{"family name folded", Person{GivenName: "A", FamilyName: "Bréññan", DateOfBirth: dob}, MatchPossible, "", 1,
			"possibly the same person as Aoife Brennan, born 03/02/1990: check before screening"},
		{"possible even with another NHS number", Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: dob,
			NHSNumber: "9997654323"}, MatchPossible, "", 1, "possibly the same person as Aoife Brennan, born 03/02/1990: check before screening"},
		{"apostrophe for a space", Person{GivenName: "C", FamilyName: "O'Suilleabhain", DateOfBirth: irish.DateOfBirth}, MatchPossible, "", 3,
			"possibly the same person as Ciarán Ó Súilleabháin, born 14/05/1990: check before screening"},
		{"run together", Person{GivenName: "C", FamilyName: "Osuilleabhain", DateOfBirth: irish.DateOfBirth}, MatchPossible, "", 3,
			"possibly the same person as Ciarán Ó Súilleabháin, born 14/05/1990: check before screening"},
		{"punctuation alone is no name", Person{GivenName: "C", FamilyName: "'-'", DateOfBirth: dob}, MatchNone, "", 0, ""},
		{"same family name, another date of birth", Person{GivenName: "Aoife", FamilyName: "Brennan",
			DateOfBirth: dob.AddDays(1)}, MatchNone, "", 0, ""},
		{"same date of birth, another family name", Person{GivenName: "Aoife", FamilyName: "Brannan", DateOfBirth: dob},
			MatchNone, "", 0, ""},
		{"no date of birth: names alone never match", Person{GivenName: "Aoife", FamilyName: "Brennan"}, MatchNone, "", 0, ""},
		{"CRN is not matched on", Person{GivenName: "Aoife", FamilyName: "Brennan", CRN: "X123456"}, MatchNone, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MatchPerson(tt.p, held)
			if m.Kind != tt.kind || m.By != tt.by || m.Person.ID != tt.id || m.Sentence() != tt.says {
				t.Errorf("MatchPerson = %q by %q person %d %q; want %q by %q person %d %q",
					m.Kind, m.By, m.Person.ID, m.Sentence(), tt.kind, tt.by, tt.id, tt.says)
			}
		})
	}
}
