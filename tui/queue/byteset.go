package queue

import "caseload/internal/domain"

// bytes is the set of ASCII bytes a row's haystack holds, worked out once a load, so that
// the filter's first letter, which must look at every row, answers most rows with a
// bit test rather than a scan of the row's text: at 20,000 referrals the scans were
// half of that keystroke (docs/PERFORMANCE.md, "Issue 17"). A byte of 0x80 or above
// (part of a letter outside ASCII) is not in the set: words holding one are always
// searched for.
type bytes [2]uint64

// matchKey is what the filter tests of a row before its text, kept in a slice of their
// own beside the rows (keysOf): 20,000 of them are a third of a megabyte that the
// processor's cache holds, where reaching each row's own fields would bring in five.
type matchKey struct {
	bytes  bytes
	status domain.ReferralStatus
}

// keysOf is the rows' keys, in the rows' order.
func keysOf(rows []row) []matchKey {
	keys := make([]matchKey, len(rows))
	for i := range rows {
		keys[i] = matchKey{bytes: bytesOf(rows[i].hay), status: rows[i].status}
	}
	return keys
}

// bytesOf is the set of the ASCII bytes of s.
func bytesOf(s string) bytes {
	var b bytes
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 {
			b[c>>6] |= 1 << (c & 63)
		}
	}
	return b
}

// holds reports whether every byte of w is in the set.
func (b bytes) holds(w bytes) bool {
	return b[0]&w[0] == w[0] && b[1]&w[1] == w[1]
}

// word is one word of a filter's query, with what the set can answer for it alone.
type word struct {
	text  string
	bytes bytes
	// settled is a word of one ASCII byte: a haystack holds it exactly when its set
	// does, with no scan.
	settled bool
}

func wordOf(w string) word {
	return word{text: w, bytes: bytesOf(w), settled: len(w) == 1 && w[0] < 0x80}
}
