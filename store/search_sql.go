package store

// The SQL of Search. The three FTS5 indexes (0003) are searched in three steps, each
// cheap where one combined query was not:
//
//  1. windowSQL: for each index, the rowid of the searchWindow-th newest match. An FTS5
//     doclist read from its end stops after that many; scoring all of it does not.
//  2. searchKinds[k].rank: the best matches from that rowid on, by bm25 computed in
//     the select list and sorted by SQLite. (ORDER BY rank and then reading the rank
//     column makes FTS5 score twice: bm25's first call on a cursor reads every doclist
//     of the query to count documents, so a second cursor doubles the cost.) Others'
//     drafts are left out by rowid against the small partial indexes of drafts.
//  3. searchKinds[k].describe: for the few hits kept, their case, person, time, signed
//     state and snippet(), which FTS5 makes only for these rows.

// windowSQL takes ?1 the FTS5 query and ?2 the window less one; 0 means "from the
// start": the index has fewer matches than the window.
const windowSQL = `SELECT
	ifnull((SELECT rowid FROM notes_search WHERE notes_search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2), 0),
	ifnull((SELECT rowid FROM addenda_search WHERE addenda_search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2), 0),
	ifnull((SELECT rowid FROM formulations_search WHERE formulations_search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2), 0)`

// searchKind is one kind of record Search finds. rank takes ?1 the FTS5 query, ?2 the
// first rowid, ?3 the viewer and ?4 the limit, and returns rowid and bm25. describe takes
// the FTS5 query and is completed with "AND s.rowid IN (...)"; it returns the record's
// id, its note (addenda), case, person's names, time, signed state and snippet.
type searchKind struct {
	kind, rank, describe string
}

// searchKinds are in the order windowSQL returns their windows.
var searchKinds = [3]searchKind{
	{kind: "note",
		rank: `SELECT rowid, bm25(notes_search) AS score FROM notes_search
			WHERE notes_search MATCH ?1 AND rowid >= ?2
			AND rowid NOT IN (SELECT id FROM notes WHERE signed_at IS NULL AND author_id <> ?3)
			ORDER BY score LIMIT ?4`,
		describe: `SELECT s.rowid, 0, n.case_id, p.given_name, p.family_name,
			ifnull(n.contact_at, n.updated_at), n.signed_at IS NOT NULL,
			snippet(notes_search, -1, '[', ']', '…', 16)
			FROM notes_search s JOIN notes n ON n.id = s.rowid
			JOIN cases c ON c.id = n.case_id JOIN people p ON p.id = c.person_id
			WHERE notes_search MATCH ?`},
	{kind: "addendum",
		rank: `SELECT rowid, bm25(addenda_search) AS score FROM addenda_search
			WHERE addenda_search MATCH ?1 AND rowid >= ?2
			ORDER BY score LIMIT ?4`,
		describe: `SELECT s.rowid, a.note_id, n.case_id, p.given_name, p.family_name, a.signed_at, 1,
			snippet(addenda_search, 0, '[', ']', '…', 16)
			FROM addenda_search s JOIN addenda a ON a.id = s.rowid JOIN notes n ON n.id = a.note_id
			JOIN cases c ON c.id = n.case_id JOIN people p ON p.id = c.person_id
			WHERE addenda_search MATCH ?`},
	{kind: "formulation",
		rank: `SELECT rowid, bm25(formulations_search) AS score FROM formulations_search
			WHERE formulations_search MATCH ?1 AND rowid >= ?2
			AND rowid NOT IN (SELECT id FROM formulations WHERE signed_at IS NULL AND author_id <> ?3)
			ORDER BY score LIMIT ?4`,
		describe: `SELECT s.rowid, 0, f.case_id, p.given_name, p.family_name,
			ifnull(f.signed_at, f.updated_at), f.signed_at IS NOT NULL,
			snippet(formulations_search, 0, '[', ']', '…', 16)
			FROM formulations_search s JOIN formulations f ON f.id = s.rowid
			JOIN cases c ON c.id = f.case_id JOIN people p ON p.id = c.person_id
			WHERE formulations_search MATCH ?`},
}
