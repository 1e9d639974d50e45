package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldForSearch reduces text to what a person means when they type it into a filter:
// lower case, accents dropped (Siobhan finds Siobhán, Lukasz finds Łukasz), and the
// apostrophes, hyphens and full stops inside names ignored (oneill finds O'Neill,
// whitworthhale finds Whitworth-Hale). Scripts without case or accents, such as
// Arabic, pass through unchanged, so a name can be found by typing it as written.
func FoldForSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// Invalid bytes become U+FFFD first, or they stop NFD decomposing what follows.
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.Is(unicode.Mn, r): // the accents NFD separated out
		case strings.ContainsRune("'’‘`´-‐‑–.", r):
		default:
			if f, ok := strokes[r]; ok {
				b.WriteString(f)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// strokes are the letters that carry their mark inside the letter, which NFD leaves
// whole.
var strokes = map[rune]string{
	'Ł': "l", 'ł': "l", 'Ø': "o", 'ø': "o", 'Đ': "d", 'đ': "d", 'ß': "ss",
	'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe", 'ı': "i", 'Þ': "th", 'þ': "th",
}
