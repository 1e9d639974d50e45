package filter

import (
	"strings"

	"caseload/internal/domain"
)

// Match returns the indexes below n of the rows whose haystack holds every word of the
// query, folded as domain.FoldForSearch folds. row gives the haystack of row i, already
// folded, and false for a row left out whatever the query.
func Match(n int, query string, row func(i int) (haystack string, ok bool)) []int {
	words := strings.Fields(domain.FoldForSearch(query))
	found := make([]int, 0, n)
next:
	for i := range n {
		hay, ok := row(i)
		if !ok {
			continue
		}
		for _, w := range words {
			if !strings.Contains(hay, w) {
				continue next
			}
		}
		found = append(found, i)
	}
	return found
}
