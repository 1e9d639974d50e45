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
	qi, first := 0, -1
	prevMatched := false
	prev := ' '
	for i, r := range hay {
		q, size := utf8.DecodeRuneInString(query[qi:])
		if r == q {
			if first < 0 {
				first = i
			}
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
				// Nearer the front, a little better: "team" finds "team's caseloads"
				// before "yours/team".
				return score - first/8 - (len(hay)-i)/16, true
			}
		} else {
			prevMatched = false
		}
		prev = r
	}
	return 0, false
}
