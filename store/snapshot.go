package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// Snapshot writes a consistent copy of the database to dst, which must not exist: one
// read transaction's view, while other sessions go on writing, as a single compact file
// in rollback-journal mode (VACUUM INTO). dst is made first, empty and 0600, so the
// copy of clinical records is never readable by another account, even for a moment
// (VACUUM INTO fills an existing empty file; it would create a missing one with the
// default mode). Put dst in a private folder: the copy is plaintext.
func (s *Store) Snapshot(ctx context.Context, dst string) (err error) {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return newError(err, dst, "cannot make the snapshot file %s: %v", dst, err)
	}
	if err := f.Close(); err != nil {
		return newError(err, dst, "cannot make the snapshot file %s: %v", dst, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(dst)
		}
	}()
	// The name is a parameter, never SQL text (VACUUM INTO takes an expression).
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return normalise(err, s.path, s.busy, "copying "+s.path)
	}
	return nil
}

// IntegrityCheck runs SQLite's full integrity_check (every page, every index entry)
// and returns nil, or an ErrCorrupt *Error naming what it found first. Verify runs it
// too; a backup runs it by itself first, on the snapshot it is about to encrypt.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check(10)")
	if err != nil {
		return normalise(err, s.path, s.busy, "checking "+s.path)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return normalise(err, s.path, s.busy, "checking "+s.path)
		}
		if line != "ok" {
			found = append(found, line)
		}
	}
	if err := rows.Err(); err != nil {
		return normalise(err, s.path, s.busy, "checking "+s.path)
	}
	if len(found) > 0 {
		return newError(ErrCorrupt, s.path, "%s fails SQLite's integrity check: %s", s.path, strings.Join(found, "; "))
	}
	return nil
}

// Holdings is what a database holds, as a restore reports it.
type Holdings struct {
	AuditEntries, People, Referrals, Cases int64
	LastChange                             AuditEntry // the last audit entry: when, and who
}

// Holdings counts the records and reads the last audit entry.
func (s *Store) Holdings(ctx context.Context) (Holdings, error) {
	const what = "counting the records"
	var h Holdings
	for _, c := range []struct {
		table string
		n     *int64
	}{{"audit", &h.AuditEntries}, {"people", &h.People}, {"referrals", &h.Referrals}, {"cases", &h.Cases}} {
		// The table names are the constants above, never input.
		if err := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM %s", c.table)).Scan(c.n); err != nil {
			return Holdings{}, normalise(err, s.path, s.busy, what)
		}
	}
	var at string
	e := &h.LastChange
	err := s.db.QueryRowContext(ctx, `SELECT id, at, actor, action, entity, entity_id FROM audit ORDER BY id DESC LIMIT 1`).
		Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID)
	if err == sql.ErrNoRows {
		return h, nil
	}
	if err != nil {
		return Holdings{}, normalise(err, s.path, s.busy, what)
	}
	if e.At, err = parseTime(at); err != nil {
		return Holdings{}, newError(ErrCorrupt, s.path, "audit entry %d in %s has a bad time %q", e.ID, s.path, at)
	}
	return h, nil
}
