package store

import (
	"context"
	"database/sql"
)

// inTx runs fn in one transaction and commits it, or rolls it back if fn or the commit
// fails, so a change and its audit entry are saved together or not at all. The DSN's
// _txlock=immediate makes it BEGIN IMMEDIATE: the write lock is taken up front, so a
// second writer waits (busy_timeout) at BEGIN rather than failing mid-way with
// SQLITE_BUSY_SNAPSHOT, and the audit chain's tail cannot move under fn.
//
// fn must use tx, never s.db: the store has one connection, and tx holds it.
// what names the operation for error messages ("adding a referral").
func (s *Store) inTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) (err error) {
	// Nothing is written to a file before its pages are known sound (H31).
	if err := s.waitSound(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the error that stopped fn is the one worth reporting
			err = withPath(normalise(err, s.path, s.busy, what), s.path)
		}
	}()
	if err = watching(ctx, tx, s.current); err != nil {
		return err
	}
	var before int64
	if s.commits != nil {
		if before, err = lastAuditID(ctx, tx); err != nil {
			return err
		}
	}
	if err = fn(tx); err != nil {
		return err
	}
	if err = unsealed(ctx, tx); err != nil {
		return err
	}
	wrote := false
	if s.commits != nil {
		if wrote, err = recordsWritten(ctx, tx, before); err != nil {
			return err
		}
	}
	if err = tx.Commit(); err != nil {
		return err
	}
	if wrote {
		s.commits.committed()
	}
	return nil
}
