package palette

import (
	"strings"
	"testing"
	"unicode/utf8"

	"caseload/internal/domain"
)

func TestScore(t *testing.T) {
	for _, c := range []struct {
		query, hay string
		ok         bool
	}{
		{"", "anything", true},
		{"rq", "referral queue", true},
		{"queue", "referral queue", true},
		{"qr", "referral queue", false},
		{"sign", "sign the draft", true},
		{"audt", "audit log", true},
		{"zz", "audit log", false},
		{"é", "e", false}, // the haystack and the query are folded by the caller
		{"long query", "short", false},
	} {
		if _, ok := Score(c.query, c.hay); ok != c.ok {
			t.Errorf("Score(%q, %q) ok = %v, want %v", c.query, c.hay, ok, c.ok)
		}
	}
}

// A run of letters and a word's start beat letters scattered through a line.
func TestScoreRanksRunsAndWordStarts(t *testing.T) {
	for _, c := range []struct{ query, better, worse string }{
		{"queue", "referral queue", "q u e u e scattered"},
		{"rq", "referral queue", "carry a question"},
		{"caseload", "caseload", "cases to load"},
		{"team", "w team's caseloads", "m yours/team"},
	} {
		b, ok1 := Score(c.query, c.better)
		w, ok2 := Score(c.query, c.worse)
		if !ok1 || !ok2 || b <= w {
			t.Errorf("%q: %q scored %d (%v), %q scored %d (%v)", c.query, c.better, b, ok1, c.worse, w, ok2)
		}
	}
}

// Whatever is typed, Score never panics, and what it matches holds the query's runes in
// order.
func FuzzScore(f *testing.F) {
	for _, s := range []string{"rq", "", "é", "ctrl+k", "\xff", "queue"} {
		f.Add(s, "referral queue ctrl+k")
	}
	f.Fuzz(func(t *testing.T, query, hay string) {
		q, h := domain.FoldForSearch(query), domain.FoldForSearch(hay)
		if !utf8.ValidString(q) || !utf8.ValidString(h) {
			return
		}
		_, ok := Score(q, h)
		if !ok {
			return
		}
		rest := h
		for _, r := range q {
			i := strings.IndexRune(rest, r)
			if i < 0 {
				t.Fatalf("matched %q in %q, but %q is not there in order", q, h, r)
			}
			rest = rest[i+utf8.RuneLen(r):]
		}
	})
}
