package palette

import "unicode/utf8"

// Score says whether every rune of query appears in hay in order (a subsequence, as the
// palettes of lazygit, VS Code and Textual match), and how well: letters that follow one
// another and letters at the start of a word count more, so "rq" finds "referral queue"
// before "recorded quickly" would lose to it by chance. Both are already folded
// (domain.FoldForSearch). An empty query matches everything with score 0.
func Score(query, hay string) (score int, ok bool) {
	if query == "" {
		return 0, true
	}
	qi := 0
	prevMatched := false
	prev := ' '
	for i, r := range hay {
		q, size := utf8.DecodeRuneInString(query[qi:])
		if r == q {
			score++
			if prevMatched {
				score += 3 // a run of letters
			}
			if i == 0 || prev == ' ' || prev == '/' || prev == '+' || prev == '-' {
				score += 2 // a word's first letter
			}
			qi += size
			prevMatched = true
			if qi == len(query) {
				return score - (len(hay)-i)/16, true // nearer the front, a little better
			}
		} else {
			prevMatched = false
		}
		prev = r
	}
	return 0, false
}
