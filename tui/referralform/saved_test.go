package referralform

import (
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The info line after saving says when the person was linked to, or may be, someone
// held (issue 11, finding 7).
func TestSavedText(t *testing.T) {
	aoife := domain.Person{ID: 4, GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1990, time.February, 3)}
	p := domain.Person{GivenName: "Eve", FamilyName: "Brennan"}
	tests := []struct {
		m    domain.PersonMatch
		want string
	}{
		{domain.PersonMatch{}, "Referral for Eve Brennan saved; its screening clock is running."},
		{domain.PersonMatch{Kind: domain.MatchSame, By: "nhs_number", Person: aoife},
			"Referral for Eve Brennan saved; its screening clock is running. Linked to Aoife Brennan, already held (same NHS number)."},
		{domain.PersonMatch{Kind: domain.MatchPossible, Person: aoife},
			"Referral for Eve Brennan saved; its screening clock is running. Possibly the same person as Aoife Brennan, born 03/02/1990: check before screening."},
	}
	for _, tt := range tests {
		if got := savedText(p, tt.m); got != tt.want {
			t.Errorf("savedText(%+v) =\n%q\nwant\n%q", tt.m, got, tt.want)
		}
	}
}
