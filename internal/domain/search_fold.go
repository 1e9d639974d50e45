package domain

import "unicode/utf8"

// AppendFolded appends FoldForSearch(s) to dst. Text that is all ASCII, as most names
// and every identifier are, is folded byte by byte (lower case, the apostrophes,
// hyphens and full stops dropped) without the Unicode decomposition that the rest
// needs: the queue folds 100,000 referrals' names and identifiers as it loads.
func AppendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, FoldForSearch(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' || c == '`' || c == '-' || c == '.':
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
