package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DiffKind says whether a piece of text is in both versions, only the new one, or only
// the old one.
type DiffKind int

// The diff kinds.
const (
	DiffSame DiffKind = iota
	DiffAdded
	DiffRemoved
)

// String is the kind as a word, for tests and plain-text output.
func (k DiffKind) String() string {
	switch k {
	case DiffSame:
		return "same"
	case DiffAdded:
		return "added"
	case DiffRemoved:
		return "removed"
	}
	return "unknown"
}

// DiffPart is a run of text of one kind. Joining the Text of the Same and Added parts
// in order gives the new text exactly; the Same and Removed parts, the old text.
type DiffPart struct {
	Kind DiffKind
	Text string
}

// SectionChange is one formulation section compared across two versions. Parts is nil
// when the section is empty in both.
type SectionChange struct {
	Section Section
	Changed bool
	Parts   []DiffPart
}

// CompareFormulations compares two versions of a formulation section by section, in the
// order the formulation reads (FormulationSections), so a reviewer sees what a new
// version changed before signing it. Sections not in FormulationSections are not
// compared: no screen shows them.
func CompareFormulations(before, after Formulation) []SectionChange {
	out := make([]SectionChange, len(FormulationSections))
	for i, s := range FormulationSections {
		was, is := before.Text(s.ID), after.Text(s.ID)
		out[i] = SectionChange{Section: s, Changed: was != is, Parts: DiffWords(was, is)}
	}
	return out
}

// maxDiffCells bounds the table the longest-common-subsequence diff fills (one cell per
// pair of tokens), so a pasted-in report cannot make a comparison take hundreds of
// megabytes. At 2 bytes a cell this is 8 MB.
const maxDiffCells = 4_000_000

// DiffWords compares two texts word by word. Each word keeps the whitespace after it,
// so the parts rebuild both texts byte for byte, line breaks and all; a word whose
// following whitespace changed is shown the same, with the old whitespace removed and
// the new added. Within each run of changes the removed text comes before the added, and
// neighbouring parts are never of the same kind nor empty.
//
// The words the texts share at the start and the end are set aside first; when the
// words left between are too many to compare pairwise (their counts' product over
// maxDiffCells) the comparison is by line instead, and when the lines are too many as
// well, the whole old text is shown removed and the whole new text added.
func DiffWords(before, after string) []DiffPart {
	return diffText(before, after, maxDiffCells)
}

// diffText is DiffWords with the size limit as a parameter, so tests can reach the
// fallbacks with small texts.
func diffText(before, after string, limit int) []DiffPart {
	if before == after {
		if before == "" {
			return nil
		}
		return []DiffPart{{DiffSame, before}}
	}
	if parts, ok := diffTokens(words(before), words(after), limit); ok {
		return parts
	}
	if parts, ok := diffTokens(lines(before), lines(after), limit); ok {
		return parts
	}
	var b partsBuilder
	b.remove(before)
	b.add(after)
	return b.finish()
}

// token is a word (or line) and the separator that follows it. Two tokens match when
// their keys are equal; the separators are kept so nothing of the text is lost.
type token struct{ key, sep string }

// words splits s into words, each with the whitespace after it. Whitespace at the very
// start becomes a token with an empty word. Bytes that are not UTF-8 count as letters,
// so they too come back unchanged.
func words(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += n
		}
		end := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		out = append(out, token{s[start:end], s[end:i]})
	}
	return out
}

// lines splits s into lines, each with its "\n" (the last may have none).
func lines(s string) []token {
	var out []token
	for s != "" {
		line, rest, found := strings.Cut(s, "\n")
		sep := ""
		if found {
			sep = "\n"
		}
		out = append(out, token{line, sep})
		s = rest
	}
	return out
}

// diffTokens diffs two token lists by their longest common subsequence of keys. It
// reports false, having done no work, when the tokens left after the common start and
// end are more than limit pairs.
func diffTokens(a, b []token, limit int) ([]DiffPart, bool) {
	prefix := 0
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	am, bm := a[prefix:len(a)-suffix], b[prefix:len(b)-suffix]
	n, m := len(am), len(bm)
	// Compared as a division so that the product cannot overflow.
	if n > 0 && m > 0 && m > limit/n {
		return nil, false
	}

	var out partsBuilder
	for _, t := range a[:prefix] {
		out.same(t.key + t.sep)
	}
	// lcs[i*(m+1)+j] is the length of the longest common subsequence of am[i:] and
	// bm[j:]. It never exceeds min(n, m), which n*m <= limit keeps below 2,001 for
	// maxDiffCells, so uint16 holds it at a quarter of int's memory.
	w := m + 1
	lcs := make([]uint16, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if am[i].key == bm[j].key {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && am[i].key == bm[j].key:
			out.same(am[i].key)
			if am[i].sep == bm[j].sep {
				out.same(am[i].sep)
			} else {
				out.remove(am[i].sep)
				out.add(bm[j].sep)
			}
			i, j = i+1, j+1
		case j == m || (i < n && lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
			out.remove(am[i].key + am[i].sep)
			i++
		default:
			out.add(bm[j].key + bm[j].sep)
			j++
		}
	}
	for _, t := range a[len(a)-suffix:] {
		out.same(t.key + t.sep)
	}
	return out.finish(), true
}

// partsBuilder gathers the parts, merging neighbours of one kind and putting each run
// of changes as one removed part followed by one added part. Text is held in builders
// until the kind changes, so a long unchanged run costs one copy, not one per word.
type partsBuilder struct {
	parts          []DiffPart
	unchanged      strings.Builder
	removed, added strings.Builder
}

func (b *partsBuilder) same(s string) {
	if s == "" {
		return
	}
	if b.removed.Len() > 0 || b.added.Len() > 0 {
		b.flush()
	}
	b.unchanged.WriteString(s)
}

func (b *partsBuilder) remove(s string) { b.change(&b.removed, s) }
func (b *partsBuilder) add(s string)    { b.change(&b.added, s) }

func (b *partsBuilder) change(to *strings.Builder, s string) {
	if s == "" {
		return
	}
	if b.unchanged.Len() > 0 {
		b.flush()
	}
	to.WriteString(s)
}

// flush ends the pending run: either unchanged text, or a change, never both.
func (b *partsBuilder) flush() {
	for _, p := range []struct {
		kind DiffKind
		text *strings.Builder
	}{{DiffSame, &b.unchanged}, {DiffRemoved, &b.removed}, {DiffAdded, &b.added}} {
		if p.text.Len() > 0 {
			b.parts = append(b.parts, DiffPart{p.kind, p.text.String()})
			p.text.Reset()
		}
	}
}

func (b *partsBuilder) finish() []DiffPart {
	b.flush()
	return b.parts
}
