package store

import (
	"context"
	"database/sql"
	"fmt"
)

// searchIndexes are the full-text indexes and what they index. notes_search and
// addenda_search keep only an index over their table's rows (external content), so
// SQLite's integrity check sees the index is well formed but not that it still says
// what the rows say: an edited index page would make search find a note for words it
// does not hold, or miss it. checkSearchIndexes builds the index anew from the rows in
// a TEMP table (this connection only) and compares the two, term by term.
var searchIndexes = []struct {
	index, columns, source, record string
}{
	{"notes_search", "present, text", "SELECT id, present, text FROM main.notes", "note"},
	{"addenda_search", "text", "SELECT id, text FROM main.addenda", "addendum"},
	// formulations_search holds its own copy of the text, which SQLite's integrity
	// check holds its index to; the copy is held to the formulation here.
	{"formulations_search", "text", `SELECT id, (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(sections) THEN sections ELSE '[]' END))
		FROM main.formulations`, "formulation"},
}

func checkSearchIndexes(ctx context.Context, tx *sql.Tx, r *Report) error {
	for _, ix := range searchIndexes {
		if err := checkSearchIndex(ctx, tx, ix.index, ix.columns, ix.source, ix.record, r); err != nil {
			return err
		}
	}
	// The formulations' index keeps its own copy of the text, which search shows: held
	// to the formulation character by character, not only word by word.
	return eachID(ctx, tx, `SELECT f.id FROM main.formulations f LEFT JOIN main.formulations_search x ON x.rowid = f.id
		WHERE x.text IS NOT (SELECT group_concat(value, char(10)) FROM json_each(CASE WHEN json_valid(f.sections) THEN f.sections ELSE '[]' END))
		UNION SELECT x.rowid FROM main.formulations_search x WHERE x.rowid NOT IN (SELECT id FROM main.formulations)
		ORDER BY 1`, func(id int64) {
		r.addf("formulation", fmt.Sprint(id), 0, "the search index (formulations_search) no longer holds the text of formulation %d", id)
	})
}

func checkSearchIndex(ctx context.Context, tx *sql.Tx, index, columns, source, record string, r *Report) error {
	stmts := []string{
		"DROP TABLE IF EXISTS temp.verify_index",
		"DROP TABLE IF EXISTS temp.verify_index_terms",
		"DROP TABLE IF EXISTS temp.verify_main_terms",
		"CREATE VIRTUAL TABLE temp.verify_index USING fts5 (" + columns + ", tokenize = 'unicode61 remove_diacritics 2')",
		"INSERT INTO temp.verify_index (rowid, " + columns + ") " + source,
		"CREATE VIRTUAL TABLE temp.verify_index_terms USING fts5vocab (temp, verify_index, instance)",
		"CREATE VIRTUAL TABLE temp.verify_main_terms USING fts5vocab (main, " + index + ", instance)",
	}
	for _, stmt := range stmts {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("checking %s: %w", index, err)
		}
	}
	defer func() {
		for _, stmt := range stmts[:3] {
			_, _ = tx.ExecContext(context.WithoutCancel(ctx), stmt)
		}
	}()
	// The rows whose terms differ, each way: a term the index holds that the record
	// does not, or one the record holds that the index lost; and the rows whose sizes
	// (the words in each column, which rank the results) differ.
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT doc FROM (
		SELECT term, doc, col, "offset" FROM temp.verify_main_terms
		EXCEPT SELECT term, doc, col, "offset" FROM temp.verify_index_terms
		UNION ALL
		SELECT * FROM (SELECT term, doc, col, "offset" FROM temp.verify_index_terms
		EXCEPT SELECT term, doc, col, "offset" FROM temp.verify_main_terms)
		UNION ALL
		SELECT 0, id, 0, 0 FROM (SELECT id, sz FROM main."`+index+`_docsize" EXCEPT SELECT id, sz FROM temp.verify_index_docsize)
		UNION ALL
		SELECT 0, id, 0, 0 FROM (SELECT id, sz FROM temp.verify_index_docsize EXCEPT SELECT id, sz FROM main."`+index+`_docsize")
		) ORDER BY doc`)
	if err != nil {
		return fmt.Errorf("checking %s: %w", index, err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		if err := rows.Scan(&doc); err != nil {
			return err
		}
		r.addf(record, fmt.Sprint(doc), 0, "the search index (%s) no longer matches %s %d: search would find it by words it does not hold, or miss it",
			index, record, doc)
	}
	return rows.Err()
}
