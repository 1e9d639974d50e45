package store

import (
	"context"
	"database/sql"
	"errors"
)

// ChainHead is where a database's audit chain stands, as a checkpoint pins it outside
// the file (internal/anchor, docs/BACKUP.md): Database is the hash of the first entry,
// which names the database for good (every later entry hangs from it), and Entry and
// Hash are the last entry's id and hash.
type ChainHead struct {
	Database string
	Entry    int64
	Hash     string
}

// ChainHead reads the chain's first and last entries. A database with no audit
// entries (which Verify refuses) gives the zero ChainHead.
func (s *Store) ChainHead(ctx context.Context) (ChainHead, error) {
	const what = "reading the audit chain's head"
	var h ChainHead
	err := s.db.QueryRowContext(ctx, "SELECT hash FROM audit ORDER BY id LIMIT 1").Scan(&h.Database)
	if err == nil {
		err = s.db.QueryRowContext(ctx, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").Scan(&h.Entry, &h.Hash)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ChainHead{}, nil
	}
	if err != nil {
		return ChainHead{}, normalise(err, s.path, s.busy, what)
	}
	return h, nil
}

// AuditHash is the hash of audit entry id, and whether there is one.
func (s *Store) AuditHash(ctx context.Context, id int64) (string, bool, error) {
	var hash string
	err := s.db.QueryRowContext(ctx, "SELECT hash FROM audit WHERE id = ?", id).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, normalise(err, s.path, s.busy, "reading the audit")
	}
	return hash, true, nil
}
