package domain

import (
	"fmt"
	"strings"
	"unicode"
)

// MatchKind is what a new referral's person is to the people already held.
type MatchKind string

const (
	MatchNone     MatchKind = ""         // nobody held: a new person
	MatchSame     MatchKind = "same"     // a shared identifier and the same name: the held person
	MatchConflict MatchKind = "conflict" // the NHS number held under another name: a slip to check
	MatchPossible MatchKind = "possible" // perhaps the held person: recorded and said, not joined
)

// PersonMatch is how a new referral's person was matched: the kind, the identifier
// that matched (a referral column name: nhs_number, prison_number or pnc_id; "" for a
// possible duplicate) and the person held.
type PersonMatch struct {
	Kind   MatchKind
	By     string
	Person Person
}

// MatchPerson matches p against held, the people already recorded that share an
// identifier, or a date of birth, with p (a superset is fine: the rest are passed
// over), in the order they were added. The rule, in docs/RULES.md ("Possible
// duplicates"):
//
//   - The same NHS number, else prison number, else PNC ID is the same person when the
//     names agree (case and surrounding space aside).
//   - The same NHS number under another name is a conflict, refused for a person to
//     check: it is far more likely a typing slip than a change of name, and joining two
//     people's records is a clinical safety hazard. The same prison number or PNC ID
//     under another name is a possible duplicate (Jon or Jonathan, a name changed in
//     custody): neither is checked by a check digit the way the NHS number is.
//   - A prison number or PNC ID does not match someone whose NHS number differs from
//     p's: the NHS number is checked (modulus 11) and outranks them.
//   - Otherwise the same family name (folded as search folds it) and the same date of
//     birth is a possible duplicate: recorded and said, never joined, since twins and
//     common names share both.
func MatchPerson(p Person, held []Person) PersonMatch {
	for _, by := range []string{"nhs_number", "prison_number", "pnc_id"} {
		key := identifier(p, by)
		if key == "" {
			continue
		}
		for _, h := range held {
			if identifier(h, by) != key || by != "nhs_number" && p.NHSNumber != "" && h.NHSNumber != "" && p.NHSNumber != h.NHSNumber {
				continue
			}
			if sameName(h.GivenName, p.GivenName) && sameName(h.FamilyName, p.FamilyName) {
				return PersonMatch{Kind: MatchSame, By: by, Person: h}
			}
			if by == "nhs_number" {
				return PersonMatch{Kind: MatchConflict, By: by, Person: h}
			}
			return PersonMatch{Kind: MatchPossible, By: by, Person: h}
		}
	}
	if p.DateOfBirth.IsZero() {
		return PersonMatch{}
	}
	family := familyKey(p.FamilyName)
	for _, h := range held {
		if h.DateOfBirth == p.DateOfBirth && familyKey(h.FamilyName) == family && family != "" {
			return PersonMatch{Kind: MatchPossible, Person: h}
		}
	}
	return PersonMatch{}
}

// identifier is p's identifier of the referral column by, canonical, or "".
func identifier(p Person, by string) string {
	switch by {
	case "nhs_number":
		return string(p.NHSNumber)
	case "prison_number":
		return string(p.PrisonNumber)
	case "pnc_id":
		return string(p.PNCID)
	}
	return ""
}

// sameName compares names as people write them: case and surrounding space aside.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// identifierLabel is how a sentence names the identifier of column by.
func identifierLabel(by string) string {
	switch by {
	case "nhs_number":
		return "NHS number"
	case "prison_number":
		return "prison number"
	case "pnc_id":
		return "PNC ID"
	case "crn":
		return "CRN"
	}
	return by
}

// Sentence says what the match means for the person logging a referral, or "" for a
// new person. A conflict is not said here: the store refuses it as an error.
func (m PersonMatch) Sentence() string { return m.Says("check before screening") }

// Says is Sentence with advice for a possible duplicate other than checking before
// screening: an imported case is past screening.
func (m PersonMatch) Says(advice string) string {
	switch m.Kind {
	case MatchSame:
		return fmt.Sprintf("linked to %s, already held (same %s)", m.Person.Name(), identifierLabel(m.By))
	case MatchPossible:
		why := ""
		if m.By != "" {
			why = ", who has the same " + identifierLabel(m.By) + " under another name"
		}
		return "possibly the same person as " + m.Person.Name() + bornOn(m.Person) + why + ": " + advice
	}
	return ""
}

// bornOn is ", born DD/MM/YYYY" as the team writes dates of birth, or "".
func bornOn(p Person) string {
	d := p.DateOfBirth
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf(", born %02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// familyKey is a family name as possible duplicates compare it: folded as search folds
// it (case and accents aside), and with every space, apostrophe and hyphen gone, so
// "Ó Súilleabháin", "O'Suilleabhain" and "OSuilleabhain" are one name.
func familyKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, FoldForSearch(name))
}
