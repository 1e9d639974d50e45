package ident

import "strings"

// CRN is an nDelius case reference number in canonical form: uppercase X123456.
type CRN string

// ParseCRN drops separating spaces and hyphens ("X123 456"), uppercases s and
// requires ^[A-Z][0-9]{6}$. No check
// digit is known, so the shape is all that can be checked.
func ParseCRN(s string) (CRN, error) {
	t := asciiUpper(dropSeparators(s))
	if !matchShape(t, "A999999") {
		return "", errorf(ErrFormat, "CRN %s is not in the form X123456: one letter then six digits", quote(strings.TrimSpace(s)))
	}
	return CRN(t), nil
}
