package domain

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestJoinIdentifiers holds the rule for answering "the same person" (docs/RULES.md,
// "Possible duplicates"; issue 11, finding 7): the person held keeps every identifier
// they have, gains those only the referral's person has, and two different values of
// one identifier refuse the join.
func TestJoinIdentifiers(t *testing.T) {
	held := Person{ID: 1, GivenName: "Aoife", FamilyName: "Brennan", PrisonNumber: "A1234BC"}
	tests := []struct {
		name  string
		held  Person
		other Person
		fills []IdentifierFill
		clash string // the field that clashes, "" for none
		says  string
	}{
		{"nothing to fill", held, Person{GivenName: "Eve"}, nil, "", ""},
		{"the same values", held, Person{PrisonNumber: "A1234BC"}, nil, "", ""},
		{"fills every identifier the held person lacks", held,
			Person{NHSNumber: "9990000018", PrisonNumber: "A1234BC", PNCID: "2001/0123456F", CRN: "X123456"},
			[]IdentifierFill{{"nhs_number", "9990000018"}, {"pnc_id", "2001/0123456F"}, {"crn", "X123456"}}, "", ""},
		{"never overwrites: the held person has none the other lacks", Person{NHSNumber: "9990000018", CRN: "X123456"},
			Person{}, nil, "", ""},
		{"different NHS numbers", Person{NHSNumber: "9990000018"}, Person{NHSNumber: "9997654323"}, nil, "nhs_number",
			"not joined: the person held has NHS number 999 000 0018 and this referral's person 999 765 4323; " +
				"they are two people, or one number is wrong: correct it before joining them"},
		{"different prison numbers", held, Person{PrisonNumber: "B7654CD"}, nil, "prison_number", ""},
		{"different PNC IDs", Person{PNCID: "2001/0123456F"}, Person{PNCID: "1998/0000042L"}, nil, "pnc_id", ""},
		{"different CRNs", Person{CRN: "X123456"}, Person{CRN: "Y654321"}, nil, "crn", "not joined: the person held has CRN X123456 and this referral's person Y654321; " +
			"they are two people, or one number is wrong: correct it before joining them"},
		{"a clash refuses the whole join, fills and all", held, Person{NHSNumber: "9990000018", PrisonNumber: "B7654CD"},
			nil, "prison_number", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fills, err := JoinIdentifiers(tt.held, tt.other)
			if !reflect.DeepEqual(fills, tt.fills) {
				t.Errorf("fills %v, want %v", fills, tt.fills)
			}
			var c *IdentifierClash
			switch {
			case tt.clash == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.clash != "" && (!errors.As(err, &c) || c.Field != tt.clash):
				t.Errorf("error %v, want a clash of %s", err, tt.clash)
			case tt.says != "" && err.Error() != tt.says:
				t.Errorf("says %q\nwant %q", err, tt.says)
			}
		})
	}
}

// A possible duplicate asks until it is answered, either way; a referral with none
// never asks.
func TestDuplicateOpen(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    Referral
		open bool
	}{
		{"no possible duplicate", Referral{}, false},
		{"not answered", Referral{PossibleDuplicateOf: 4}, true},
		{"the same person", Referral{PossibleDuplicateOf: 4, Duplicate: DuplicateAnswered{DuplicateSame, "clinician:1", at}}, false},
		{"not the same person", Referral{PossibleDuplicateOf: 4, Duplicate: DuplicateAnswered{DuplicateNotSame, "clinician:1", at}}, false},
	}
	for _, tt := range tests {
		if got := tt.r.DuplicateOpen(); got != tt.open {
			t.Errorf("%s: open %v, want %v", tt.name, got, tt.open)
		}
	}
}
