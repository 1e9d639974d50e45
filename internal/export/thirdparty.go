package export

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"caseload/internal/domain"
)

// nobody are the entries of "who was present" that name no one.
var nobody = map[string]bool{"not seen": true, "none": true, "nobody": true, "no one": true, "n/a": true, "-": true}

// OthersPresent are the people a note's "who was present" names other than the person
// whose record it is, as written (docs/RULES.md, "Subject access: the export"): the field
// is split at semicolons, commas and line breaks; an entry is the person when, without
// its bracketed words, it holds their full name or is their given name alone. Matching
// ignores case and the way accents were typed. The app does not judge whether a name
// may be released: it only shows the reviewer where to look.
func OthersPresent(present string, p domain.Person) []string {
	full, given := fold(p.Name()), fold(p.GivenName)
	var out []string
	for _, e := range entries(present) {
		bare := fold(withoutBrackets(e))
		if bare == "" {
			bare = fold(e) // all in brackets, or a bracket left open: judged as written
		}
		switch {
		case nobody[bare]:
		case full != "" && strings.Contains(bare, full):
		case given != "" && bare == given:
		default:
			out = append(out, e)
		}
	}
	return out
}

// fold is s for matching: composed, lower case, single spaces.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " ")
}

// withoutBrackets drops the words in brackets: "Kofi Boateng (prison video link)".
func withoutBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// entries splits "who was present" at semicolons, commas and line breaks outside
// brackets, so "Lorraine Cottam (AP keyworker, first 15 minutes)" stays one entry.
func entries(present string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	flush := func() {
		if e := strings.TrimSpace(cur.String()); e != "" {
			out = append(out, e)
		}
		cur.Reset()
	}
	for _, r := range present {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0 && (r == ';' || r == ',' || r == '\n'):
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}
