package store

import (
	"context"
	"database/sql"
	"fmt"

	"caseload/internal/domain"
)

// checkSignatures recomputes the hash of every signed note, addendum and formulation
// version with the domain's functions and names each record whose content no longer
// matches its signature, e.g. "note 12: signed content no longer matches its
// signature". The triggers stop the app from changing a signed row; this finds a row
// changed without it (triggers dropped, the file edited by another program).
func (s *Store) checkSignatures(ctx context.Context, tx *sql.Tx, r *Report) error {
	// Each kind is streamed, never held whole: a million notes do not fit in memory.
	err := eachRow(ctx, tx, noteSelect+" WHERE signed_at IS NOT NULL ORDER BY id", func(row scanner) error {
		n, err := s.scanNote(row)
		if err == nil && domain.SignedNoteHash(n) != n.Hash {
			r.addf("note", fmt.Sprint(n.ID), 0, "note %d: signed content no longer matches its signature", n.ID)
		}
		return err
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, addendumSelect+" ORDER BY a.id", func(row scanner) error {
		var a domain.Addendum
		var kind, signed string
		if err := row.Scan(&a.ID, &a.NoteID, &a.AuthorID, &kind, &a.Text, &signed, &a.Hash); err != nil {
			return err
		}
		a.Kind = domain.AddendumKind(kind)
		var err error
		a.SignedAt, err = parseTime(signed)
		switch {
		case err != nil:
			r.addf("addendum", fmt.Sprint(a.ID), 0, "addendum %d: its signing time %q is malformed", a.ID, signed)
		case domain.AddendumHash(a) != a.Hash:
			r.addf("addendum", fmt.Sprint(a.ID), 0, "addendum %d (on note %d): signed content no longer matches its signature", a.ID, a.NoteID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, formulationSelect+" WHERE signed_at IS NOT NULL ORDER BY id", func(row scanner) error {
		f, err := s.scanFormulation(row)
		if err == nil && domain.FormulationHash(f) != f.Hash {
			r.addf("formulation", fmt.Sprint(f.ID), 0, "formulation %d (case %d, version %d): signed content no longer matches its signature",
				f.ID, f.CaseID, f.Version)
		}
		return err
	})
}

// eachRow runs check on every row of query.
func eachRow(ctx context.Context, tx *sql.Tx, query string, check func(scanner) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := check(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// signedInAudit holds signatures and the audit entries of their signing to each other,
// both ways. From the record: a row edited and given a freshly computed hash matches
// itself, but no longer the hash the hash-chained audit recorded. From the audit: a
// record the audit says was signed must still exist, be signed, and carry that hash;
// a signed note turned back into a draft, or deleted, fails here.
var signedInAudit = []struct {
	record, query, problem string
}{
	{"note", `SELECT r.id, 0 FROM notes r WHERE r.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'note' AND e.entity_id = r.id AND e.action = 'note.signed'
		AND json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash') = r.hash) ORDER BY r.id`,
		"note %d: its signature is not the one the audit recorded when it was signed"},
	{"addendum", `SELECT r.id, 0 FROM addenda r WHERE NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'note' AND e.entity_id = r.note_id AND e.action = 'note.addendum_signed'
		AND json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.addendum_id') = r.id AND json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash') = r.hash)
		ORDER BY r.id`,
		"addendum %d: its signature is not the one the audit recorded when it was signed"},
	{"formulation", `SELECT r.id, 0 FROM formulations r WHERE r.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'formulation' AND e.entity_id = r.id AND e.action = 'formulation.signed'
		AND json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash') = r.hash) ORDER BY r.id`,
		"formulation %d: its signature is not the one the audit recorded when it was signed"},
	{"note", `SELECT e.entity_id, e.id FROM audit e LEFT JOIN notes r ON r.id = e.entity_id
		WHERE e.action = 'note.signed' AND r.id IS NULL ORDER BY e.id`,
		"note %d: audit entry %d says it was signed, and it is not in the file"},
	{"note", `SELECT e.entity_id, e.id FROM audit e JOIN notes r ON r.id = e.entity_id
		WHERE e.action = 'note.signed' AND (r.signed_at IS NULL OR r.hash IS NOT json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash'))
		ORDER BY e.id`,
		"note %d: audit entry %d says it was signed, and it is a draft now or carries another signature"},
	{"addendum", `SELECT json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.addendum_id'), e.id FROM audit e
		LEFT JOIN addenda r ON r.id = json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.addendum_id')
		WHERE e.action = 'note.addendum_signed' AND (r.id IS NULL OR r.hash IS NOT json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash'))
		ORDER BY e.id`,
		"addendum %d: audit entry %d says it was signed, and it is not in the file as signed"},
	{"formulation", `SELECT e.entity_id, e.id FROM audit e LEFT JOIN formulations r ON r.id = e.entity_id
		WHERE e.action = 'formulation.signed' AND (r.id IS NULL OR r.signed_at IS NULL OR r.hash IS NOT json_extract(iif(json_valid(e.detail), e.detail, NULL), '$.hash'))
		ORDER BY e.id`,
		"formulation %d: audit entry %d says it was signed, and it is not in the file as signed"},
}

func checkSignedInAudit(ctx context.Context, tx *sql.Tx, r *Report) error {
	for _, c := range signedInAudit {
		rows, err := tx.QueryContext(ctx, c.query)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, entry int64
			if err := rows.Scan(&id, &entry); err != nil {
				rows.Close()
				return err
			}
			if entry == 0 {
				r.addf(c.record, fmt.Sprint(id), 0, c.problem, id)
			} else {
				r.addf(c.record, fmt.Sprint(id), entry, c.problem, id, entry)
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}
