package ident

import (
	"regexp"
	"strings"
	"unicode"
)

// Postcode is a UK postcode in canonical form: uppercase, one space before the
// inward code, e.g. "LA9 9ZZ". A valid format does not prove the postcode exists.
type Postcode string

// postcodeRE is DOMAIN 2.5's pattern: it encodes which letters each position
// may hold, which a simpler shape check would miss (QA1 1AA, PR1 1CI).
var postcodeRE = regexp.MustCompile(`^(?:GIR 0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$`)

// ParsePostcode uppercases s, removes all whitespace and puts one space before
// the last three characters, so "la99zz" and " LA9  9ZZ " both give "LA9 9ZZ".
func ParsePostcode(s string) (Postcode, error) {
	typed := strings.TrimSpace(s)
	compact := asciiUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, typed))
	if compact == "" {
		return "", errorf(ErrFormat, "no postcode given: it should look like LA9 9ZZ")
	}
	if len(compact) < 5 {
		return "", errorf(ErrFormat, "postcode %s is too short: a full postcode has two parts, e.g. LA9 9ZZ", quote(typed))
	}
	if len(compact) > 7 {
		return "", errorf(ErrFormat, "postcode %s is too long: a full postcode has 5 to 7 letters and digits, e.g. LA9 9ZZ", quote(typed))
	}
	p := compact[:len(compact)-3] + " " + compact[len(compact)-3:]
	if !postcodeRE.MatchString(p) {
		return "", errorf(ErrFormat, "postcode %s is not a valid UK postcode: it should look like LA9 9ZZ or CA28 9ZZ", quote(typed))
	}
	return Postcode(p), nil
}
