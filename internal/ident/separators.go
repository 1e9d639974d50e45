package ident

import (
	"strings"
	"unicode"
)

// dropSeparators removes the spaces and hyphens people put inside an identifier to
// make it readable ("999-000-0018", "A1234 BC"), keeping everything else for the
// identifier's own shape check. A hyphen counts as a separator only between two other
// characters: one at either end, or two together, is not a separator but a mistake,
// and is kept so that the shape check reports it. Any whitespace counts, because
// numbers pasted from letters and PDFs often carry non-breaking spaces. The rule is in
// docs/RULES.md, "Identifiers".
func dropSeparators(s string) string { return dropSpaces(s, true) }

// dropSpaces drops whitespace, and separating hyphens when hyphens is true.
func dropSpaces(s string, hyphens bool) string {
	t := strings.TrimFunc(s, unicode.IsSpace)
	var b strings.Builder
	rs := []rune(t)
	for i, r := range rs {
		switch {
		case unicode.IsSpace(r):
			continue
		case hyphens && r == '-' && i > 0 && i < len(rs)-1 && isIdentChar(rs[i-1]) && isIdentChar(nextNonSpace(rs, i+1)):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nextNonSpace is the first rune from i on that is not whitespace, or 0.
func nextNonSpace(rs []rune, i int) rune {
	for ; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

// isIdentChar reports whether r can stand beside a separating hyphen: an ASCII letter,
// digit or space (so "999 - 000 - 0018" reads as people mean it).
func isIdentChar(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || unicode.IsSpace(r)
}
