package store

import (
	"cmp"
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"
	"unicode"

	"caseload/internal/domain"
)

// SearchResult is one match of Search (domain.SearchResult): which record, on which
// case and person, when, whether it is signed, and the matching words in context with
// each match in [ and ].
type SearchResult = domain.SearchResult

// DefaultSearchLimit is how many results Search returns when asked for none or fewer.
const DefaultSearchLimit = 20

// maxSearchLimit and maxSearchWords bound what one query can cost.
const (
	maxSearchLimit = 500
	maxSearchWords = 32
)

// searchWindow is how many of the newest matches of each kind Search ranks (that the
// viewer may see). Ranking is a few µs a match in this pure-Go SQLite and reading a
// match's text more, so a window keeps two common words of a million notes (85,000
// matches) within some 10 ms (BenchmarkSearchMillionNotes). A kind with fewer matches
// is ranked whole (docs/PERFORMANCE.md, issue 17, says what a clinician sees of it).
const searchWindow = 1000

// Search finds notes, addenda and formulation versions of every case holding all the
// words of query (diacritics and case ignored: "siobhan" finds Siobhán), best first by
// bm25, at most limit of them (DefaultSearchLimit when limit <= 0). When a kind has
// more than searchWindow matches, its results are the best of its newest searchWindow
// (by when they were written): a query that broad is ranked among recent records.
// Drafts are found only for their author, viewer. query is plain words: each is quoted
// before it reaches FTS5, so quotes, *, NEAR(, -, : and the like are only text, and a
// query with no letters or digits returns nothing, never an error.
//
// Each kind has its own FTS5 index and its own bm25, computed in Go with FTS5's
// formula (search_window.go); the best of each are merged by score, which compares
// well enough across them for one list.
func (s *Store) Search(ctx context.Context, viewer int64, query string, limit int) ([]SearchResult, error) {
	if err := s.reader("search the records"); err != nil {
		return nil, err
	}
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, maxSearchLimit)
	const what = "searching the notes"
	// One read transaction: every step sees the same index.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	phrases := phrasesOf(searchWords(query))
	var hits []searchHit
	for k := range searchKinds {
		if hits, err = rankWindow(ctx, tx, hits, k, match, &phrases, viewer, limit); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
	}
	slices.SortFunc(hits, func(a, b searchHit) int {
		return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id))
	})
	hits = hits[:min(len(hits), limit)]
	results := make([]SearchResult, len(hits))
	for k := range searchKinds {
		if err := s.describeKind(ctx, tx, hits, results, k, match); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// searchHit is one ranked match, before it is described.
type searchHit struct {
	kind  int // index into searchKinds
	id    int64
	score float64 // bm25: lower is better
}

// describeKind fills in results for the hits of kind k: case, person, time, signed
// state and snippet, in one query for all of them.
func (s *Store) describeKind(ctx context.Context, tx *sql.Tx, hits []searchHit, results []SearchResult, k int, match string) error {
	const what = "searching the notes"
	at := make(map[int64]int)
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	args := []any{match, 0, 0}
	for i, h := range hits {
		if h.kind == k {
			at[h.id] = i
			args = append(args, h.id)
			lo, hi = min(lo, h.id), max(hi, h.id)
		}
	}
	if len(at) == 0 {
		return nil
	}
	args[1], args[2] = lo, hi
	// FTS5 reads the matches from lo to hi once; given the rowids themselves (IN
	// alone), it would seek every word's list afresh for each. The + keeps the IN from
	// being offered to FTS5: SQLite filters by it as the matches go by.
	q := searchKinds[k].describe + " AND s.rowid BETWEEN ? AND ? AND +s.rowid IN (?" + strings.Repeat(", ?", len(at)-1) + ")"
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	for rows.Next() {
		r := SearchResult{Kind: searchKinds[k].kind}
		var given, family, when, snippet string
		if err := rows.Scan(&r.ID, &r.NoteID, &r.CaseID, &given, &family, &when, &r.Signed, &snippet); err != nil {
			return normalise(err, s.path, s.busy, what)
		}
		r.Person = domain.Person{GivenName: given, FamilyName: family}.Name()
		if r.When, err = parseTime(when); err != nil {
			return newError(ErrCorrupt, s.path, "%s %d in %s has a malformed time %q", r.Kind, r.ID, s.path, when)
		}
		r.Snippet = strings.Join(strings.Fields(snippet), " ") // one line: notes span many
		results[at[r.ID]] = r
	}
	if err := rows.Err(); err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	return nil
}

// ftsQuery turns what a person typed into an FTS5 query that matches records holding
// every word: each word becomes an FTS5 string (quoteWord), so no character of it is
// FTS5 syntax, and the tokenizer splits it as it split the text ("O'Neill" is the
// phrase o neill).
func ftsQuery(query string) string {
	words := searchWords(query)
	for i, w := range words {
		words[i] = quoteWord(w)
	}
	return strings.Join(words, " ")
}

// searchWords are the words of what a person typed that can match: words without a
// letter or digit would be empty FTS5 strings and are left out; so are words past
// maxSearchWords.
func searchWords(query string) []string {
	words := strings.FieldsFunc(strings.ToValidUTF8(query, " "), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
	kept := words[:0]
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		if len(kept) == maxSearchWords {
			break
		}
		kept = append(kept, w)
	}
	return kept
}

// quoteWord is one typed word as an FTS5 string: in double quotes, its own quotes
// doubled.
func quoteWord(w string) string {
	return `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
}
