package queue

import (
	"strings"

	"caseload/internal/domain"
)

// match returns the indexes of the rows in the status group whose haystack holds every
// word of the query, searching only the rows in within when it is not nil. It
// allocates only what it returns: the first letter typed searches every row.
func match(rows []row, within []int, query string, group statusGroup) []int {
	words := strings.Fields(domain.FoldForSearch(query))
	has := func(r *row) bool {
		if !group.holds(r.status) {
			return false
		}
		for _, w := range words {
			if !strings.Contains(r.hay, w) {
				return false
			}
		}
		return true
	}
	if within == nil {
		found := make([]int, 0, len(rows))
		for i := range rows {
			if has(&rows[i]) {
				found = append(found, i)
			}
		}
		return found
	}
	found := make([]int, 0, len(within))
	for _, i := range within {
		if has(&rows[i]) {
			found = append(found, i)
		}
	}
	return found
}
