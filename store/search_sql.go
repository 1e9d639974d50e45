package store

// The SQL of Search. The three FTS5 indexes (0003) are searched in two steps, each
// cheap where one combined query was not:
//
//  1. searchKinds[k].window: the newest searchWindow matches the viewer may see, with
//     the text they were indexed from, which rankWindow scores (search_window.go).
//     FTS5 reads the index from its end and stops when it has them. Others' drafts
//     are left out by rowid against the small partial indexes of drafts.
//  2. searchKinds[k].describe: for the few hits kept, their case, person, time, signed
//     state and snippet(), which FTS5 makes only for these rows.

// searchKind is one kind of record Search finds, in the FTS5 index named index. window
// takes ?1 the FTS5 query, ?2 the viewer and ?3 the window, and returns the rowid and
// the indexed text, in two columns (the second empty for a kind with one). describe takes
// the FTS5 query and is completed with "AND s.rowid IN (...)"; it returns the record's
// id, its note (addenda), case, person's names, time, signed state and snippet.
type searchKind struct {
	kind, index, window, describe string
}

// searchKinds are the kinds Search finds, in the order its ties are broken.
var searchKinds = [3]searchKind{
	{kind: "note", index: "notes_search",
		window: `SELECT rowid, present, text FROM notes_search WHERE notes_search MATCH ?1
			AND rowid NOT IN (SELECT id FROM notes WHERE signed_at IS NULL AND author_id <> ?2)
			ORDER BY rowid DESC LIMIT ?3`,
		describe: `SELECT s.rowid, 0, n.case_id, p.given_name, p.family_name,
			ifnull(n.contact_at, n.updated_at), n.signed_at IS NOT NULL,
			snippet(notes_search, -1, '[', ']', '…', 16)
			FROM notes_search s JOIN notes n ON n.id = s.rowid
			JOIN cases c ON c.id = n.case_id JOIN people p ON p.id = c.person_id
			WHERE notes_search MATCH ?`},
	{kind: "addendum", index: "addenda_search",
		// Addenda are signed when written: every one is everyone's (?2 is unused).
		window: `SELECT rowid, text, '' FROM addenda_search WHERE addenda_search MATCH ?1
			ORDER BY rowid DESC LIMIT ?3`,
		describe: `SELECT s.rowid, a.note_id, n.case_id, p.given_name, p.family_name, a.signed_at, 1,
			snippet(addenda_search, 0, '[', ']', '…', 16)
			FROM addenda_search s JOIN addenda a ON a.id = s.rowid JOIN notes n ON n.id = a.note_id
			JOIN cases c ON c.id = n.case_id JOIN people p ON p.id = c.person_id
			WHERE addenda_search MATCH ?`},
	{kind: "formulation", index: "formulations_search",
		window: `SELECT rowid, text, '' FROM formulations_search WHERE formulations_search MATCH ?1
			AND rowid NOT IN (SELECT id FROM formulations WHERE signed_at IS NULL AND author_id <> ?2)
			ORDER BY rowid DESC LIMIT ?3`,
		describe: `SELECT s.rowid, 0, f.case_id, p.given_name, p.family_name,
			ifnull(f.signed_at, f.updated_at), f.signed_at IS NOT NULL,
			snippet(formulations_search, 0, '[', ']', '…', 16)
			FROM formulations_search s JOIN formulations f ON f.id = s.rowid
			JOIN cases c ON c.id = f.case_id JOIN people p ON p.id = c.person_id
			WHERE formulations_search MATCH ?`},
}
