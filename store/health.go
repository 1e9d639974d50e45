package store

import (
	"context"
	"os"

	"caseload/internal/domain"
)

// KeysInUse counts each clinician's keys that are not revoked, by clinician id: what IT
// sees of the keys on the admin screen (the keys themselves are in ClinicianKeys).
func (s *Store) KeysInUse(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT clinician_id, count(*) FROM clinician_keys WHERE revoked_at IS NULL GROUP BY clinician_id")
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "counting the clinicians' keys")
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, normalise(err, s.path, s.busy, "counting the clinicians' keys")
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "counting the clinicians' keys")
	}
	return out, nil
}

// FileHealth reads the database file's size and schema version, for IT (no record).
func (s *Store) FileHealth(ctx context.Context) (domain.FileHealth, error) {
	h := domain.FileHealth{Path: s.path, Known: len(migrations())}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&h.Schema); err != nil {
		return h, normalise(err, s.path, s.busy, "reading the schema version")
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return h, cannotRead(s.path, err)
	}
	h.Bytes = fi.Size()
	return h, nil
}
