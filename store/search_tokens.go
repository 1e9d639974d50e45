package store

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search ranks its window in Go (search_window.go), so it needs what FTS5's bm25 reads
// from the index for each candidate: how often each typed word occurs in it and how
// many words it has. It gets them by splitting the candidate's text as the search
// indexes' tokenizer (unicode61 remove_diacritics 2) splits it: a word is a run of
// letters, digits, private-use characters and combining marks; it is lowercased and
// its accents dropped (Siobhán is siobhan, café written with a combining accent is
// cafe), while letters that carry their mark inside them (ł, ß) stay as they are.
// Where this split ever differs from FTS5's, only a rank moves: FTS5 alone decides
// which records match, and a word it matched is counted at least once (bm25Window).

// isTokenRune reports whether r is part of a word, not a separator.
func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r)
}

// foldToken appends to dst the indexed form of one word: lower case, accents dropped.
func foldToken(dst []byte, tok string) []byte {
	ascii := true
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for _, r := range norm.NFD.String(tok) {
		if !unicode.Is(unicode.Mn, r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// eachToken calls fn with each word of text, folded. The slice is reused: fn must not
// keep it. Most text is ASCII, which is split and lowercased a byte at a time.
func eachToken(text string, buf []byte, fn func(tok []byte)) []byte {
	start, plain := -1, true
	flush := func(end int) {
		if plain {
			buf = buf[:0]
			for k := start; k < end; k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		} else {
			buf = foldToken(buf[:0], text[start:end])
		}
		fn(buf)
		start, plain = -1, true
	}
	for i := 0; i < len(text); {
		c, size := text[i], 1
		in := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if in = isTokenRune(r); in {
				plain = false
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			flush(i)
		}
		i += size
	}
	if start >= 0 {
		flush(len(text))
	}
	return buf
}

// searchPhrases is what was typed, as the index sees it: each typed word is a phrase
// of one or more tokens ("O'Neill" is o then neill), numbered for counting.
type searchPhrases struct {
	phrases [][]int        // each phrase's tokens, as indexes into tokens
	tokens  map[string]int // each distinct token of every phrase
	list    []string       // tokens by index
	words   []string       // each phrase as typed, quoted for FTS5
}

// phrasesOf splits the words of a query (searchWords) into the index's tokens.
func phrasesOf(words []string) searchPhrases {
	p := searchPhrases{tokens: map[string]int{}}
	var buf []byte
	for _, w := range words {
		var phrase []int
		buf = eachToken(w, buf, func(tok []byte) {
			id, ok := p.tokens[string(tok)]
			if !ok {
				id = len(p.tokens)
				p.tokens[string(tok)] = id
			}
			phrase = append(phrase, id)
		})
		if len(phrase) > 0 {
			p.phrases = append(p.phrases, phrase)
			p.words = append(p.words, quoteWord(w))
		}
	}
	return p
}

// id is tok's index in p.tokens, -1 if no phrase holds it. A query has a few tokens,
// which are compared one by one: quicker than hashing every word of the window.
func (p *searchPhrases) id(tok []byte) int {
	if p.list == nil {
		p.list = make([]string, len(p.tokens))
		for t, id := range p.tokens {
			p.list[id] = t
		}
	}
	for id, t := range p.list {
		if string(tok) == t {
			return id
		}
	}
	return -1
}

// tokenCounter counts, in one record's text, the words and each phrase's occurrences.
// Its buffers are reused from one record to the next.
type tokenCounter struct {
	p   *searchPhrases
	buf []byte
	seq []int // the record's tokens, as token ids (-1 for a token no phrase holds)
}

// count adds to freq each phrase's occurrences in text and returns its word count.
func (c *tokenCounter) count(text string, freq []float64) int {
	c.seq = c.seq[:0]
	c.buf = eachToken(text, c.buf, func(tok []byte) { c.seq = append(c.seq, c.p.id(tok)) })
	for i, phrase := range c.p.phrases {
		for at := 0; at+len(phrase) <= len(c.seq); at++ {
			if c.seq[at] == phrase[0] && matchesAt(c.seq[at:], phrase) {
				freq[i]++
			}
		}
	}
	return len(c.seq)
}

func matchesAt(seq, phrase []int) bool {
	for k, id := range phrase {
		if seq[k] != id {
			return false
		}
	}
	return true
}
