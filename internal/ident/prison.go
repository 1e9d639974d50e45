package ident

import "strings"

// PrisonNumber is a NOMIS prison number in canonical form: uppercase A1234BC.
type PrisonNumber string

// ParsePrisonNumber drops separating spaces and hyphens ("A1234 BC"),
// uppercases s and requires the NOMIS shape ^[A-Z][0-9]{4}[A-Z]{2}$. No public check algorithm is known, so the shape is
// all that can be checked.
func ParsePrisonNumber(s string) (PrisonNumber, error) {
	t := asciiUpper(dropSeparators(s))
	if !matchShape(t, "A9999AA") {
		return "", errorf(ErrFormat, "prison number %s is not in the form A1234BC: one letter, four digits, then two letters", quote(strings.TrimSpace(s)))
	}
	return PrisonNumber(t), nil
}

// matchShape reports whether s matches pattern, where 'A' in the pattern
// stands for an uppercase ASCII letter and '9' for an ASCII digit. It spares
// the fixed-shape identifiers a regexp each.
func matchShape(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := range len(s) {
		c := s[i]
		switch pattern[i] {
		case 'A':
			if c < 'A' || c > 'Z' {
				return false
			}
		case '9':
			if c < '0' || c > '9' {
				return false
			}
		default:
			if c != pattern[i] {
				return false
			}
		}
	}
	return true
}
