package csvfile

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// NotUTF8 is the problem of a field whose bytes are not UTF-8 text.
const NotUTF8 = "is not valid UTF-8 text: save the file as CSV UTF-8"

// nameColumns are the columns of names, of people, prisons and places, in either import
// file. A question mark cannot be meant in any of them, and it is what a spreadsheet
// writes for a letter (Ó, ł, ğ) that its legacy encoding cannot hold. Free text
// (referral_reason) and organisations' names may hold a real question mark, so they are
// not among them. docs/RULES.md, "CSV files".
var nameColumns = []string{
	"given_name", "family_name", "referrer_name", "current_prison", "resettlement_area", "allocated_clinician",
}

// FieldProblem is what is wrong with the text of one field before its own rules read
// it, or "" when nothing is: bytes that are not UTF-8, the replacement character U+FFFD
// in any column (a letter lost on the way to UTF-8, never typed on purpose), or a
// question mark in a name column. The value is refused rather than repaired, since the
// lost letter cannot be known.
func FieldProblem(column, v string) string {
	if !utf8.ValidString(v) {
		return NotUTF8
	}
	lost := ""
	switch {
	case strings.ContainsRune(v, utf8.RuneError):
		lost = string(utf8.RuneError)
	case strings.ContainsRune(v, '?') && slices.Contains(nameColumns, column):
		lost = "?"
	default:
		return ""
	}
	return fmt.Sprintf("a letter looks lost (`%s`): save the file as CSV UTF-8", lost)
}

// FileNotUTF8 is the whole-file problem of a file that is not UTF-8 text, given at the
// first line that shows it.
const FileNotUTF8 = "the file is not UTF-8 text, so letters such as Ó or é cannot be read: save it as CSV UTF-8 and import it again"

// encodingProblem is the whole-file problem of data that is not UTF-8, at the line of
// the first byte that is not, or false when the file is UTF-8.
func encodingProblem(data []byte) (LineError, bool) {
	if utf8.Valid(data) {
		return LineError{}, false
	}
	first := 0
	for first < len(data) {
		r, n := utf8.DecodeRune(data[first:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		first += n
	}
	return LineError{Line: 1 + bytes.Count(data[:first], []byte("\n")),
		Msg: FileNotUTF8}, true
}
