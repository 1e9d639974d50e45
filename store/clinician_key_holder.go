package store

import (
	"context"
	"database/sql"
	"errors"

	"caseload/internal/domain"
)

// ClinicianByKey is the clinician whose key in use has this SHA256 fingerprint: how
// caseload serve knows who a session is. A revoked or unknown key is no one (false).
// A deactivated clinician is returned with Active false: the caller refuses them.
func (s *Store) ClinicianByKey(ctx context.Context, fingerprint string) (domain.Clinician, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT clinician_id FROM clinician_keys WHERE fingerprint = ? AND revoked_at IS NULL",
		fingerprint).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Clinician{}, false, nil
	}
	if err != nil {
		return domain.Clinician{}, false, normalise(err, s.path, s.busy, "reading who holds a key")
	}
	c, err := s.clinicianByID(ctx, s.db, id)
	if err != nil {
		return domain.Clinician{}, false, err
	}
	return c, true, nil
}

// KeysThatConnect counts the keys, not revoked, of active clinicians: the keys that can open
// a session. caseload serve refuses to start with none, since no one could get in.
func (s *Store) KeysThatConnect(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM clinician_keys k JOIN clinicians c ON c.id = k.clinician_id
		WHERE k.revoked_at IS NULL AND c.active`).Scan(&n)
	if err != nil {
		return 0, normalise(err, s.path, s.busy, "counting the keys in use")
	}
	return n, nil
}
