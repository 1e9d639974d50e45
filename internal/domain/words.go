package domain

import (
	"strconv"
	"strings"
)

// Count is n with its noun, singular for one: "1 note", "3 notes", "0 notes". many is
// the plural, given in full because English plurals are not all an added s ("addenda").
func Count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

// ContactWords is a note type's label as a kind of contact: "face to face contact", but
// "attempted contact" as it is, never "attempted contact contact".
func ContactWords(label string) string {
	if strings.HasSuffix(label, "contact") {
		return label
	}
	return label + " contact"
}
