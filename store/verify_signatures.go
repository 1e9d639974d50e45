package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"caseload/internal/domain"
)

// checkSignatures recomputes the hash of every signed note, addendum and formulation
// version with the domain's functions and returns the first record whose content no
// longer matches its signature, e.g. "note 12: signed content no longer matches its
// signature". The triggers stop the app from changing a signed row; this finds a row
// changed without it (triggers dropped, the file edited by another program).
//
// It then holds each signature to the audit entry written when it was signed: a row
// edited and given a freshly computed hash matches itself, but no longer the hash the
// hash-chained audit recorded.
func (s *Store) checkSignatures(ctx context.Context, tx *sql.Tx) (string, error) {
	// Each kind is streamed, never held whole: a million notes do not fit in memory.
	problem, err := eachRow(ctx, tx, noteSelect+" WHERE signed_at IS NOT NULL ORDER BY id", func(row scanner) (string, error) {
		n, err := s.scanNote(row)
		if err != nil || domain.SignedNoteHash(n) == n.Hash {
			return "", err
		}
		return fmt.Sprintf("note %d: signed content no longer matches its signature", n.ID), nil
	})
	if problem != "" || err != nil {
		return problem, err
	}
	problem, err = eachRow(ctx, tx, addendumSelect+" ORDER BY a.id", func(row scanner) (string, error) {
		var a domain.Addendum
		var kind, signed string
		if err := row.Scan(&a.ID, &a.NoteID, &a.AuthorID, &kind, &a.Text, &signed, &a.Hash); err != nil {
			return "", err
		}
		a.Kind = domain.AddendumKind(kind)
		at, err := parseTime(signed)
		if err != nil {
			return fmt.Sprintf("addendum %d: its signing time %q is malformed", a.ID, signed), nil
		}
		if a.SignedAt = at; domain.AddendumHash(a) == a.Hash {
			return "", nil
		}
		return fmt.Sprintf("addendum %d (on note %d): signed content no longer matches its signature", a.ID, a.NoteID), nil
	})
	if problem != "" || err != nil {
		return problem, err
	}
	problem, err = eachRow(ctx, tx, formulationSelect+" WHERE signed_at IS NOT NULL ORDER BY id", func(row scanner) (string, error) {
		f, err := s.scanFormulation(row)
		if err != nil || domain.FormulationHash(f) == f.Hash {
			return "", err
		}
		return fmt.Sprintf("formulation %d (case %d, version %d): signed content no longer matches its signature",
			f.ID, f.CaseID, f.Version), nil
	})
	if problem != "" || err != nil {
		return problem, err
	}
	return checkSignedInAudit(ctx, tx)
}

// eachRow runs check on every row of query until it names a problem or fails.
func eachRow(ctx context.Context, tx *sql.Tx, query string, check func(scanner) (string, error)) (string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		if problem, err := check(rows); problem != "" || err != nil {
			return problem, err
		}
	}
	return "", rows.Err()
}

// signedInAudit finds the first signed record without an audit entry of its signing
// that carries the same hash.
var signedInAudit = []struct{ query, problem string }{
	{`SELECT r.id FROM notes r WHERE r.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'note' AND e.entity_id = r.id AND e.action = 'note.signed'
		AND json_extract(e.detail, '$.hash') = r.hash) ORDER BY r.id LIMIT 1`,
		"note %d: its signature is not the one the audit recorded when it was signed"},
	{`SELECT r.id FROM addenda r WHERE NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'note' AND e.entity_id = r.note_id AND e.action = 'note.addendum_signed'
		AND json_extract(e.detail, '$.addendum_id') = r.id AND json_extract(e.detail, '$.hash') = r.hash)
		ORDER BY r.id LIMIT 1`,
		"addendum %d: its signature is not the one the audit recorded when it was signed"},
	{`SELECT r.id FROM formulations r WHERE r.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit e
		WHERE e.entity = 'formulation' AND e.entity_id = r.id AND e.action = 'formulation.signed'
		AND json_extract(e.detail, '$.hash') = r.hash) ORDER BY r.id LIMIT 1`,
		"formulation %d: its signature is not the one the audit recorded when it was signed"},
}

func checkSignedInAudit(ctx context.Context, tx *sql.Tx) (string, error) {
	for _, c := range signedInAudit {
		var id int64
		err := tx.QueryRowContext(ctx, c.query).Scan(&id)
		if err == nil {
			return fmt.Sprintf(c.problem, id), nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	return "", nil
}
