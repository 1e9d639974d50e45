package store

import "context"

// DataVersion is SQLite's PRAGMA data_version for this store's connection: a number
// that changes when another connection, in this process or another, commits a change to
// the file, and never for this connection's own commits. The app compares it on a short
// tick to see a colleague's change without reading any table; the store keeps one
// connection, so "another connection" is always someone else.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, normalise(err, s.path, s.busy, "checking for changes")
	}
	return v, nil
}
