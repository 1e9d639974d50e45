package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Verify checks the whole file: PRAGMA integrity_check (every page and index), the
// foreign keys, the audit chain from its first entry to its last, that every decision
// (screening, consultation, withdrawal, case) agrees with its referral, and that every
// signed note, addendum and formulation version still matches its signature. It
// returns nil when all is well, or an *Error (ErrCorrupt) whose message is the first
// problem found, e.g. "audit entry 17: hash does not match its content". A chain can show an entry
// changed in place (its hash), one rewritten with a new hash or removed (the next
// entry's prev_hash), and entries cut off the end (sqlite_sequence remembers the
// highest id ever written). It cannot show the whole file replaced by an older copy:
// that needs the last hash kept somewhere else, such as a backup log.
func (s *Store) Verify(ctx context.Context) error {
	const what = "verifying the database"
	// One read transaction, so the checks see one snapshot even while another session
	// keeps writing.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	problem, err := checkIntegrity(ctx, tx)
	if err == nil && problem == "" {
		problem, err = checkChain(ctx, tx)
	}
	if err == nil && problem == "" {
		problem, err = checkDecisions(ctx, tx)
	}
	if err == nil && problem == "" {
		problem, err = s.checkSignatures(ctx, tx)
	}
	if err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	if problem != "" {
		return newError(ErrCorrupt, s.path, "%s", problem)
	}
	return nil
}

func checkIntegrity(ctx context.Context, tx *sql.Tx) (string, error) {
	var first string
	if err := tx.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&first); err != nil {
		return "", err
	}
	if first != "ok" {
		return "integrity check failed: " + first, nil
	}
	var table, parent string
	var rowid int64
	err := tx.QueryRowContext(ctx, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 1").Scan(&table, &rowid, &parent)
	if err == nil {
		return fmt.Sprintf("%s row %d refers to a %s row that does not exist", table, rowid, parent), nil
	}
	if err != sql.ErrNoRows {
		return "", err
	}
	return "", nil
}

// checkChain walks the audit in id order, re-computing every hash.
func checkChain(ctx context.Context, tx *sql.Tx) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash
		FROM audit ORDER BY id`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	prevID, prevHash := int64(0), genesis
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return "", err
		}
		switch {
		case e.PrevHash != prevHash && prevID == 0:
			return fmt.Sprintf("audit entry %d: prev_hash does not match the start of the chain%s", e.ID, missing(prevID, e.ID)), nil
		case e.PrevHash != prevHash:
			return fmt.Sprintf("audit entry %d: prev_hash does not match entry %d%s", e.ID, prevID, missing(prevID, e.ID)), nil
		case entryHash(e.PrevHash, canonical(e.ID, at, e.Actor, e.Action, e.Entity, e.EntityID, e.Detail)) != e.Hash:
			return fmt.Sprintf("audit entry %d: hash does not match its content", e.ID), nil
		case e.ID != prevID+1:
			return fmt.Sprintf("audit entry %d: it follows entry %d, but ids run without gaps", e.ID, prevID), nil
		}
		prevID, prevHash = e.ID, e.Hash
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	var seq int64
	err = tx.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'").Scan(&seq)
	if err != nil && err != sql.ErrNoRows {
		return "", err
	}
	if seq > prevID {
		return fmt.Sprintf("audit entr%s missing from the end of the chain, which stops at entry %d",
			span(prevID+1, seq), prevID), nil
	}
	return "", nil
}

// missing explains a gap in ids between two entries, if there is one.
func missing(prev, id int64) string {
	if id == prev+1 {
		return ""
	}
	return fmt.Sprintf(" (entr%s missing)", span(prev+1, id-1))
}

// span names entries from..to: "y 17 is" or "ies 17 to 19 are", after "entr".
func span(from, to int64) string {
	if from == to {
		return fmt.Sprintf("y %d is", from)
	}
	return fmt.Sprintf("ies %d to %d are", from, to)
}
