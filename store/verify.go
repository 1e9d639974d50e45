package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	sqlite3 "modernc.org/sqlite/lib"
)

// Verify checks the whole file and returns nil when all is well, or an *Error
// (ErrCorrupt) whose message is the first problem and how many more there are.
// VerifyReport lists them all.
func (s *Store) Verify(ctx context.Context) error {
	r, err := s.VerifyReport(ctx)
	if err != nil {
		return err
	}
	if !r.OK() {
		return newError(ErrCorrupt, s.path, "%s", r.Summary())
	}
	return nil
}

// VerifyReport checks the whole file and names every problem it finds
// (docs/VERIFY.md): PRAGMA integrity_check (every page and index) and the foreign
// keys; the audit chain from its first entry to its last, ids without gaps; every
// record against the seal of the last audit entry that changed it, and every sealed
// record still there (seals); every decision against its referral; every signed note,
// addendum and formulation against its signature and against the audit entry of its
// signing, both ways; and the search indexes against what they index.
//
// What no check inside the file can show is the chain rewritten from some entry on with
// every later hash recomputed, or entries cut off its end with sqlite_sequence lowered
// to match: the checkpoints kept outside the file (internal/anchor) show those.
func (s *Store) VerifyReport(ctx context.Context) (Report, error) {
	const what = "verifying the database"
	// One read transaction, so the checks see one snapshot even while another session
	// keeps writing.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Report{}, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	var r Report
	if s.schemaProblem != "" {
		r.add(Problem{Record: "schema", Text: s.schemaProblem})
	}
	if err := checkIntegrity(ctx, tx, &r); err != nil || r.More > 0 || hasRecord(r, "file") {
		// A damaged file's other checks would only repeat the damage, or fail on it.
		return r, normalise(err, s.path, s.busy, what)
	}
	for _, check := range []func(context.Context, *sql.Tx, *Report) error{
		checkChain, checkSeals, checkDecisions, s.checkSignatures, checkSignedInAudit, checkSearchIndexes,
	} {
		if err := check(ctx, tx, &r); err != nil {
			if stopsVerify(err) {
				return r, normalise(err, s.path, s.busy, what)
			}
			// The check met contents SQLite itself could not read (a byte changed inside a
			// record: JSON no longer JSON, a page the integrity check passed). That is a
			// finding about the file, not a failure of verify: name it and check the rest.
			r.add(Problem{Record: "file", Text: "a check could not read what the file holds (" +
				oneLine.Replace(err.Error()) + "): it was changed outside caseload or is damaged"})
		}
	}
	return r, nil
}

// stopsVerify is an error that says nothing about the file: it is locked, the disk is
// failing, or the person stopped the check. Verify reports it as it is.
func stopsVerify(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	switch sqliteCode(err) & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_NOMEM, sqlite3.SQLITE_INTERRUPT:
		return true
	}
	return false
}

func checkIntegrity(ctx context.Context, tx *sql.Tx, r *Report) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA integrity_check(20)")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			r.add(Problem{Record: "file", Text: "integrity check failed: " + oneLine.Replace(line)})
		}
	}
	if err := rows.Close(); err != nil || !r.OK() {
		return err
	}
	fk, err := tx.QueryContext(ctx, `SELECT "table", rowid, parent FROM pragma_foreign_key_check`)
	if err != nil {
		return err
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid int64
		if err := fk.Scan(&table, &rowid, &parent); err != nil {
			return err
		}
		r.addf(recordWords(table), fmt.Sprint(rowid), 0, "%s %d refers to a %s that does not exist",
			recordWords(table), rowid, recordWords(parent))
	}
	return fk.Err()
}

// checkChain walks the audit in id order, re-computing every hash.
func checkChain(ctx context.Context, tx *sql.Tx, r *Report) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash
		FROM audit ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	prevID, prevHash := int64(0), genesis
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return err
		}
		key := fmt.Sprint(e.ID)
		switch {
		case e.PrevHash != prevHash && prevID == 0:
			r.addf("audit entry", key, e.ID, "audit entry %d: prev_hash does not match the start of the chain%s", e.ID, missing(prevID, e.ID))
		case e.PrevHash != prevHash:
			r.addf("audit entry", key, e.ID, "audit entry %d: prev_hash does not match entry %d%s", e.ID, prevID, missing(prevID, e.ID))
		case e.ID != prevID+1:
			r.addf("audit entry", key, e.ID, "audit entry %d: it follows entry %d, but ids run without gaps%s", e.ID, prevID, missing(prevID, e.ID))
		}
		if entryHash(e.PrevHash, canonical(e.ID, at, e.Actor, e.Action, e.Entity, e.EntityID, e.Detail)) != e.Hash {
			r.addf("audit entry", key, e.ID, "audit entry %d: hash does not match its content", e.ID)
		}
		prevID, prevHash = e.ID, e.Hash
		r.Entries++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	r.Head, r.HeadHash = prevID, prevHash
	var seq int64
	err = tx.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'").Scan(&seq)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if seq > prevID {
		r.addf("audit entry", fmt.Sprint(prevID+1), prevID+1, "audit entr%s missing from the end of the chain, which stops at entry %d",
			span(prevID+1, seq), prevID)
	}
	if prevID == 0 {
		r.add(Problem{Record: "audit entry", Text: "the audit is empty: every caseload database begins with the entry that created it"})
	}
	return nil
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

func hasRecord(r Report, record string) bool {
	for _, p := range r.Problems {
		if p.Record == record {
			return true
		}
	}
	return false
}
