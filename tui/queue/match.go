package queue

import (
	"strings"

	"caseload/internal/domain"
)

// match returns the indexes of the rows in the status group whose haystack holds every
// word of the query, searching only the rows in within when it is not nil. keys are the
// rows' match keys (keysOf), in the rows' order. It allocates only what it returns and
// the query's words: the first letter typed tests every row, most by their set of bytes
// alone, and a row's text is searched only for a word the set cannot settle.
func match(rows []row, keys []matchKey, within []int, query string, group statusGroup) []int {
	var need bytes // every byte of every word
	var scan []string
	for _, f := range strings.Fields(domain.FoldForSearch(query)) {
		w := wordOf(f)
		need[0], need[1] = need[0]|w.bytes[0], need[1]|w.bytes[1]
		if !w.settled {
			scan = append(scan, w.text)
		}
	}
	everyStatus := group.statuses == nil
	has := func(i int) bool {
		k := &keys[i]
		if k.bytes[0]&need[0] != need[0] || k.bytes[1]&need[1] != need[1] {
			return false
		}
		if !everyStatus && !group.holds(k.status) {
			return false
		}
		for _, w := range scan {
			if !strings.Contains(rows[i].hay, w) {
				return false
			}
		}
		return true
	}
	if within == nil {
		found := make([]int, 0, len(rows))
		for i := range keys {
			if has(i) {
				found = append(found, i)
			}
		}
		return found
	}
	found := make([]int, 0, len(within))
	for _, i := range within {
		if has(i) {
			found = append(found, i)
		}
	}
	return found
}
