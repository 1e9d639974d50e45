package store

import (
	"context"
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

// Search finds notes, addenda and formulation versions of every case holding all the
// words of query (diacritics and case ignored: "siobhan" finds Siobhán), best first
// (bm25), at most limit of them. Drafts are found only for their author, viewer; others'
// drafts are never returned. query is plain words: each is quoted before it reaches
// FTS5, so quotes, *, NEAR(, -, : and the like are only text, and a query with no
// letters or digits returns nothing, never an error.
//
// The three kinds are three FTS5 indexes (notes_search, addenda_search,
// formulations_search), each ranked by its own bm25; the best limit of each are merged
// by score, which compares well enough across them for a result list.
func (s *Store) Search(ctx context.Context, viewer int64, query string, limit int) ([]SearchResult, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, maxSearchLimit)
	const what = "searching the notes"
	rows, err := s.db.QueryContext(ctx, searchSQL, match, viewer, limit)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var results []SearchResult
	for rows.Next() {
		var (
			r             SearchResult
			given, family string
			when, snippet string
		)
		if err := rows.Scan(&r.Kind, &r.ID, &r.NoteID, &r.CaseID, &given, &family, &when, &r.Signed, &snippet); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		r.Person = domain.Person{GivenName: given, FamilyName: family}.Name()
		if r.When, err = optionalTime(when); err != nil {
			return nil, newError(ErrCorrupt, s.path, "%s %d in %s has a malformed time %q", r.Kind, r.ID, s.path, when)
		}
		r.Snippet = strings.Join(strings.Fields(snippet), " ") // one line: notes span many
		results = append(results, r)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return results, nil
}

// ftsQuery turns what a person typed into an FTS5 query that matches records holding
// every word: each word becomes an FTS5 string (in double quotes, its own quotes
// doubled), so no character of it is FTS5 syntax, and the tokenizer splits it as it
// split the text ("O'Neill" is the phrase o neill). Words without a letter or digit
// would be empty strings and are left out; so are words past maxSearchWords.
func ftsQuery(query string) string {
	words := strings.FieldsFunc(strings.ToValidUTF8(query, " "), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
	var b strings.Builder
	n := 0
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		if n == maxSearchWords {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
		n++
	}
	return b.String()
}

// searchSQL takes ?1 the FTS5 query, ?2 the viewer and ?3 the limit. Each index yields
// its best ?3 (ORDER BY rank is FTS5's own sort, and snippet() runs only for the rows
// kept); others' drafts are left out by rowid against the small partial indexes of
// drafts. The outer query adds the case, person, time and signed state of the few hits.
const searchSQL = `WITH hits AS MATERIALIZED (
	SELECT * FROM (SELECT 'note' AS kind, rowid AS id, rank,
		snippet(notes_search, -1, '[', ']', '…', 16) AS snip
		FROM notes_search WHERE notes_search MATCH ?1
		AND rowid NOT IN (SELECT id FROM notes WHERE signed_at IS NULL AND author_id <> ?2)
		ORDER BY rank LIMIT ?3)
	UNION ALL
	SELECT * FROM (SELECT 'addendum', rowid, rank, snippet(addenda_search, 0, '[', ']', '…', 16)
		FROM addenda_search WHERE addenda_search MATCH ?1 ORDER BY rank LIMIT ?3)
	UNION ALL
	SELECT * FROM (SELECT 'formulation', rowid, rank, snippet(formulations_search, 0, '[', ']', '…', 16)
		FROM formulations_search WHERE formulations_search MATCH ?1
		AND rowid NOT IN (SELECT id FROM formulations WHERE signed_at IS NULL AND author_id <> ?2)
		ORDER BY rank LIMIT ?3)
)
SELECT h.kind, h.id, ifnull(a.note_id, 0), c.id, p.given_name, p.family_name,
	CASE h.kind WHEN 'note' THEN ifnull(n.contact_at, n.updated_at)
		WHEN 'addendum' THEN a.signed_at ELSE ifnull(f.signed_at, f.updated_at) END,
	CASE h.kind WHEN 'note' THEN n.signed_at IS NOT NULL
		WHEN 'addendum' THEN 1 ELSE f.signed_at IS NOT NULL END,
	h.snip
FROM hits h
LEFT JOIN notes n ON h.kind = 'note' AND n.id = h.id
LEFT JOIN addenda a ON h.kind = 'addendum' AND a.id = h.id
LEFT JOIN notes an ON an.id = a.note_id
LEFT JOIN formulations f ON h.kind = 'formulation' AND f.id = h.id
JOIN cases c ON c.id = coalesce(n.case_id, an.case_id, f.case_id)
JOIN people p ON p.id = c.person_id
ORDER BY h.rank, h.kind, h.id
LIMIT ?3`
