package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"math"
	"slices"
)

// Search ranks each kind of record in Go, over a window of its newest matches, with
// FTS5's own bm25 formula. FTS5's bm25() cannot rank a window cheaply: on its first
// call it counts every record holding each word of the query, walking the whole of
// each word's list in the index, so two common words of a million notes cost some
// 30 ms before the first score. Here the window is the newest searchWindow matches
// (read from the end of the index, which stops when it has them), each is scored from
// its own text (search_tokens.go), and what bm25 needs of the whole index is read
// cheaply:
//   - the number of records and their mean length: FTS5 keeps both in one record of
//     the index (averages);
//   - how many records hold each word: counted exactly when the index has at most
//     dfSample records, else counted among the newest dfSample and scaled up. A word's
//     weight (its idf) is a logarithm of this, so an estimate within a few per cent
//     moves no rank that matters; a word absent from the sample is weighed as rare.

// bm25's constants, FTS5's.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// dfSample is how many of the newest records of an index its words are counted in.
const dfSample = 10_000

// windowHit is one candidate of a window: its rowid, the occurrences of each phrase
// and its length in words.
type windowHit struct {
	id   int64
	freq []float64
	size int
}

// rankWindow appends the best limit matches of kind k among its newest searchWindow
// that viewer may see.
func rankWindow(ctx context.Context, tx *sql.Tx, hits []searchHit, k int, match string, p *searchPhrases, viewer int64, limit int) ([]searchHit, error) {
	kind := searchKinds[k]
	window, err := readWindow(ctx, tx, kind.window, match, p, viewer)
	if err != nil || len(window) == 0 {
		return hits, err
	}
	rows, avgdl, err := averages(ctx, tx, kind.index)
	if err != nil {
		return hits, err
	}
	rows = max(rows, float64(len(window))) // a damaged averages record must not give NaN
	idf, err := weights(ctx, tx, kind.index, p, rows)
	if err != nil {
		return hits, err
	}
	scored := make([]searchHit, len(window))
	for i, w := range window {
		scored[i] = searchHit{kind: k, id: w.id, score: bm25(w, idf, avgdl)}
	}
	slices.SortFunc(scored, func(a, b searchHit) int { return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.id, b.id)) })
	return append(hits, scored[:min(len(scored), limit)]...), nil
}

// bm25 is FTS5's bm25() of one record: lower is better.
func bm25(w windowHit, idf []float64, avgdl float64) float64 {
	norm := 1 - bm25B
	if avgdl > 0 {
		norm += bm25B * float64(w.size) / avgdl
	}
	score := 0.0
	for i, f := range w.freq {
		f = max(f, 1) // FTS5 matched it, whatever our split made of the text
		score += idf[i] * f * (bm25K1 + 1) / (f + bm25K1*norm)
	}
	return -score
}

// readWindow reads the newest searchWindow matches of a kind's window query, counting
// each one's words as it goes.
func readWindow(ctx context.Context, tx *sql.Tx, query, match string, p *searchPhrases, viewer int64) ([]windowHit, error) {
	rows, err := tx.QueryContext(ctx, query, match, viewer, searchWindow)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	c := tokenCounter{p: p}
	var window []windowHit
	freqs := make([]float64, searchWindow*len(p.phrases)) // one allocation for the window
	for rows.Next() {
		var h windowHit
		var first, second sql.RawBytes
		if err := rows.Scan(&h.id, &first, &second); err != nil {
			return nil, err
		}
		n := len(window) * len(p.phrases)
		h.freq = freqs[n : n+len(p.phrases) : n+len(p.phrases)]
		h.size = c.count(string(first), h.freq) + c.count(string(second), h.freq)
		window = append(window, h)
	}
	return window, rows.Err()
}

// averages reads from FTS5's averages record how many records index holds and their
// mean length in words: a varint of the records, then one of the words of each column.
func averages(ctx context.Context, tx *sql.Tx, index string) (rows, avgdl float64, err error) {
	var block []byte
	err = tx.QueryRowContext(ctx, `SELECT block FROM "`+index+`_data" WHERE id = 1`).Scan(&block)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	n, used := sqliteVarint(block)
	block = block[used:]
	var words uint64
	for len(block) > 0 && used > 0 {
		var v uint64
		v, used = sqliteVarint(block)
		words += v
		block = block[used:]
	}
	if n == 0 {
		return 0, 0, nil
	}
	return float64(n), float64(words) / float64(n), nil
}

// sqliteVarint decodes SQLite's big-endian varint (FTS5 writes its records with it):
// seven bits a byte while the top bit is set, a ninth byte whole. It returns the
// bytes used, 0 when b ends first.
func sqliteVarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// weights is each phrase's idf, as FTS5's bm25 weighs it, from how many of the index's
// rows records hold it: counted exactly in an index of at most dfSample records, else
// in its newest dfSample and scaled.
func weights(ctx context.Context, tx *sql.Tx, index string, p *searchPhrases, rows float64) ([]float64, error) {
	var from int64
	scale := 1.0
	if rows > dfSample {
		err := tx.QueryRowContext(ctx, `SELECT id FROM "`+index+`_docsize" ORDER BY id DESC LIMIT 1 OFFSET ?`, dfSample-1).Scan(&from)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		scale = rows / dfSample
	}
	idf := make([]float64, len(p.words))
	for i, w := range p.words {
		var n float64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM "`+index+`" WHERE "`+index+`" MATCH ? AND rowid >= ?`, w, from).Scan(&n); err != nil {
			return nil, err
		}
		n = min(n*scale, rows)
		idf[i] = math.Log((rows - n + 0.5) / (n + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6 // FTS5's floor: a word in most records still counts a little
		}
	}
	return idf, nil
}
