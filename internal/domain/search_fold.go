package domain

import (
	"sync"
	"unicode/utf8"
)

// AppendFolded appends FoldForSearch(s) to dst. Text in the Latin letters, as most
// names and every identifier are, is folded a letter at a time from a table made once
// (ASCII byte by byte: lower case, the apostrophes, hyphens and full stops dropped),
// without the Unicode decomposition of the whole text that FoldForSearch does: the
// queue folds 100,000 referrals' names and identifiers as it loads. Letter by letter is
// the same: below U+0250 every letter decomposes into itself and accents (which are
// dropped), and no two letters combine. Other text goes to FoldForSearch.
func AppendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= latinEnd || (r == utf8.RuneError && n == 1) {
			return append(dst, FoldForSearch(s)...)
		}
		i += n
	}
	table := latinFolds()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\'' || c == '`' || c == '-' || c == '.':
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, table[r]...)
		i += n
	}
	return dst
}

// latinEnd is where the Latin letters (Basic Latin to Latin Extended-B) end, and the
// IPA and the combining accents begin.
const latinEnd = 0x250

// latinFolds is FoldForSearch of each rune below latinEnd.
var latinFolds = sync.OnceValue(func() *[latinEnd]string {
	var t [latinEnd]string
	for r := range rune(latinEnd) {
		t[r] = FoldForSearch(string(r))
	}
	return &t
})
