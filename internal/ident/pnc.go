package ident

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PNCID is a Police National Computer ID in canonical form YYYY/NNNNNNNC:
// four-digit year, seven-digit zero-padded serial, check letter.
type PNCID string

// pncLetters omits I, O and S, which the PNC never uses as check letters.
const pncLetters = "ZABCDEFGHJKLMNPQRTUVWXY"

const pncShape = "a 2- or 4-digit year, a slash, up to 7 digits, then a check letter, e.g. 2001/0123456F"

// ParsePNCID accepts the long form (2001/0123456F) and the short form (01/123456F),
// each with or without the slash, with spaces dropped ("2001/0123456 F"). Hyphens
// are not dropped: written where the slash goes they would be a guess at the split
// between year and serial, so they are refused (docs/RULES.md, "Identifiers"), and returns the long form. A two-digit year
// is read as 20YY when YY is at most now's two-digit year, else 19YY, as MoJ
// code does; now is a parameter so tests and demos can pin it. Without a slash,
// 12 characters are the long form and 10 or fewer the short form; 11 could be
// either, so it is refused rather than guessed.
func ParsePNCID(s string, now time.Time) (PNCID, error) {
	typed := strings.TrimSpace(s)
	t := asciiUpper(dropSpaces(typed, false))
	var year, serial string
	if y, rest, ok := strings.Cut(t, "/"); ok {
		year, serial = y, rest
	} else {
		switch n := len(t); {
		case n == 12:
			year, serial = t[:4], t[4:]
		case n == 11:
			return "", errorf(ErrFormat, "PNC ID %s is ambiguous without a slash: write it with a slash after the year, e.g. 2001/0123456F", quote(typed))
		case n >= 4 && n <= 10:
			year, serial = t[:2], t[2:]
		default:
			return "", errorf(ErrFormat, "PNC ID %s is not in the right form: it should be %s", quote(typed), pncShape)
		}
	}
	if len(year) != 2 && len(year) != 4 || !allDigits(year) ||
		len(serial) < 2 || len(serial) > 8 || !allDigits(serial[:len(serial)-1]) {
		return "", errorf(ErrFormat, "PNC ID %s is not in the right form: it should be %s", quote(typed), pncShape)
	}
	letter := serial[len(serial)-1]
	if letter < 'A' || letter > 'Z' {
		return "", errorf(ErrFormat, "PNC ID %s does not end in a check letter: it should be %s", quote(typed), pncShape)
	}
	y, _ := strconv.Atoi(year)
	if len(year) == 2 {
		if y <= now.Year()%100 {
			y += 2000
		} else {
			y += 1900
		}
	}
	num, _ := strconv.Atoi(serial[:len(serial)-1])
	body := fmt.Sprintf("%04d/%07d", y, num)
	want := pncCheckLetter(y%100, num)
	if letter != want {
		return "", errorf(ErrCheckDigit, "PNC ID %s has the wrong check letter: for %s it should be %c", quote(typed), body, want)
	}
	return PNCID(body + string(letter)), nil
}

// pncCheckLetter follows hmpps-person-record: n = YY followed by the serial
// padded to seven digits, and the letter is pncLetters[n mod 23].
func pncCheckLetter(yy, serial int) byte {
	return pncLetters[(yy*10_000_000+serial)%23]
}

// String returns the canonical long form, which is also how it is displayed.
func (p PNCID) String() string { return string(p) }

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
