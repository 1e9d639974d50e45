package export

import (
	"fmt"
	"testing"

	"caseload/internal/domain"
)

// A note's "who was present" names other people unless an entry is the person (their
// full name, or their given name alone, however it is cased or its accents typed) or
// no one.
func TestOthersPresent(t *testing.T) {
	p := domain.Person{GivenName: "Siobhán", FamilyName: "Ó Briain"}
	tests := []struct {
		present string
		want    []string
	}{
		{"", nil},
		{"Siobhán Ó Briain", nil},
		{"siobhán ó briain (prison video link)", nil},
		{"Siobha\u0301n Ó Briain", nil}, // the accent typed as a combining mark
		{"Siobhán", nil},
		{"Not seen", nil},
		{"Siobhán Ó Briain; Dr Tom Halliwell", []string{"Dr Tom Halliwell"}},
		{"Siobhán Ó Briain, Zoë Ångström (COM, Probation Service)", []string{"Zoë Ångström (COM, Probation Service)"}},
		{"Dr A; Dr B\nSiobhán Ó Briain", []string{"Dr A", "Dr B"}},
		{"Seán Ó Briain (her brother)", []string{"Seán Ó Briain (her brother)"}},
		{"Ó Briain", []string{"Ó Briain"}}, // a family name alone may be a relative
		{"(unclosed; Dr A", []string{"(unclosed; Dr A"}},
	}
	for _, tt := range tests {
		t.Run(tt.present, func(t *testing.T) {
			if got := OthersPresent(tt.present, p); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("OthersPresent(%q) = %q; want %q", tt.present, got, tt.want)
			}
		})
	}
}
