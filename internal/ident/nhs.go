package ident

import "strings"

// NHSNumber is a checked NHS number in canonical form: 10 digits, no spaces.
type NHSNumber string

// ParseNHSNumber accepts an NHS number as people write it (3-3-4 with spaces or
// hyphens, or run together) and returns it canonical. Spaces and hyphens are
// dropped only as separators (dropSeparators); other punctuation is refused
// rather than guessed at. The number must pass the modulus 11 check; a pass does
// not prove the number was issued. See docs/RULES.md, "Identifiers".
func ParseNHSNumber(s string) (NHSNumber, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", errorf(ErrFormat, "no NHS number given: it should be 10 digits, e.g. 999 000 0018")
	}
	digits := dropSeparators(t)
	for _, r := range digits {
		if r < '0' || r > '9' {
			return "", errorf(ErrFormat, "NHS number %s contains %q: it should be 10 digits, with spaces or hyphens allowed between them", quote(t), r)
		}
	}
	if len(digits) != 10 {
		return "", errorf(ErrFormat, "NHS number %s has %d digits: it should have 10", quote(t), len(digits))
	}
	n := NHSNumber(digits)
	want, ok := nhsCheckDigit(digits)
	if !ok {
		return "", errorf(ErrCheckDigit, "NHS number %s cannot be valid: its first nine digits fail the modulus 11 check whatever the last digit is", n)
	}
	if digits[9] != want {
		return "", errorf(ErrCheckDigit, "NHS number %s fails the modulus 11 check: the last digit should be %c", n, want)
	}
	return n, nil
}

// nhsCheckDigit returns the check digit the first nine digits demand, and
// false when they give c = 10, for which no check digit exists.
func nhsCheckDigit(digits string) (byte, bool) {
	sum := 0
	for i := range 9 {
		sum += int(digits[i]-'0') * (10 - i)
	}
	c := 11 - sum%11
	switch c {
	case 11:
		return '0', true
	case 10:
		return 0, false
	}
	return byte('0' + c), true
}

// String formats the number 3-3-4 for display, as NHS letters print it.
// A value that is not 10 characters (never made by ParseNHSNumber) is
// returned unchanged rather than mangled.
func (n NHSNumber) String() string {
	if len(n) != 10 {
		return string(n)
	}
	return string(n[:3]) + " " + string(n[3:6]) + " " + string(n[6:])
}

// IsTestRange reports whether n lies in 999 000 0000 – 999 999 9999, the range
// said to be reserved for testing; demo data must use it and the UI badges it.
func (n NHSNumber) IsTestRange() bool {
	return len(n) == 10 && strings.HasPrefix(string(n), "999")
}
