package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// ClinicianKey is one registered SSH public key and whose it is.
type ClinicianKey struct {
	ID          int64
	ClinicianID int64
	Key         domain.PublicKey
	AddedAt     time.Time
	AddedBy     string
	RevokedAt   time.Time // zero while the key is in use
	RevokedBy   string
}

// clinicianKeyChanged is the audit detail of "clinician.key_added" and
// "clinician.key_revoked": which key, by its fingerprint (public, and what ssh-keygen -l
// shows the clinician).
type clinicianKeyChanged struct {
	ClinicianID int64  `json:"clinician_id"`
	KeyID       int64  `json:"key_id"`
	Fingerprint string `json:"fingerprint"`
	Type        string `json:"type,omitempty"`
}

// AddClinicianKey registers key as clinician clinicianID's, with the audit entry
// "clinician.key_added". It is refused with ErrConflict for a deactivated clinician and
// for a key already registered (to anyone, in use or revoked: a revoked key stays
// revoked), and with ErrNotFound when there is no such clinician.
func (s *Store) AddClinicianKey(ctx context.Context, actor string, at time.Time, clinicianID int64, key domain.PublicKey) (int64, error) {
	if err := s.checkChange(actor, at); err != nil {
		return 0, err
	}
	var id int64
	err := s.inTx(ctx, "adding a clinician's key", func(tx *sql.Tx) error {
		c, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		if !c.Active {
			return newError(ErrConflict, s.path, "clinician %d has been deactivated: a key cannot be added for them", clinicianID)
		}
		var owner int64
		var revoked sql.NullString
		err = tx.QueryRowContext(ctx, "SELECT clinician_id, revoked_at FROM clinician_keys WHERE fingerprint = ? OR public_key = ?",
			key.Fingerprint, key.Key).Scan(&owner, &revoked)
		switch {
		case err == nil && revoked.Valid:
			return newError(ErrConflict, s.path, "key %s was revoked: a revoked key stays revoked; make a new one with ssh-keygen -t ed25519", key.Fingerprint)
		case err == nil:
			return newError(ErrConflict, s.path, "key %s is already registered to clinician %d", key.Fingerprint, owner)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO clinician_keys (clinician_id, key_type, public_key, fingerprint, comment, added_at, added_by)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, clinicianID, key.Type, key.Key, key.Fingerprint, null(key.Comment), formatTime(at), actor)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "clinician.key_added", "clinician", clinicianID,
			clinicianKeyChanged{ClinicianID: clinicianID, KeyID: id, Fingerprint: key.Fingerprint, Type: key.Type})
	})
	return id, err
}

// RevokeClinicianKey revokes the key with this fingerprint, with the audit entry
// "clinician.key_revoked": it opens no session from then on. Revoking a key already
// revoked changes nothing; an unknown fingerprint is ErrNotFound.
func (s *Store) RevokeClinicianKey(ctx context.Context, actor string, at time.Time, fingerprint string) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	return s.inTx(ctx, "revoking a clinician's key", func(tx *sql.Tx) error {
		var id, clinicianID int64
		var revoked sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT id, clinician_id, revoked_at FROM clinician_keys WHERE fingerprint = ?", fingerprint).
			Scan(&id, &clinicianID, &revoked)
		if errors.Is(err, sql.ErrNoRows) {
			return newError(ErrNotFound, s.path, "no key has the fingerprint %s: caseload clinicians keys list shows them", fingerprint)
		}
		if err != nil || revoked.Valid {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE clinician_keys SET revoked_at = ?, revoked_by = ? WHERE id = ?",
			formatTime(at), actor, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "clinician.key_revoked", "clinician", clinicianID,
			clinicianKeyChanged{ClinicianID: clinicianID, KeyID: id, Fingerprint: fingerprint})
	})
}

// ClinicianKeys lists every key, revoked ones too, by clinician then when added.
func (s *Store) ClinicianKeys(ctx context.Context) ([]ClinicianKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, clinician_id, key_type, public_key, fingerprint, ifnull(comment, ''),
		added_at, added_by, ifnull(revoked_at, ''), ifnull(revoked_by, '') FROM clinician_keys ORDER BY clinician_id, id`)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the clinicians' keys")
	}
	defer rows.Close()
	var ks []ClinicianKey
	for rows.Next() {
		var k ClinicianKey
		var added, revoked string
		if err := rows.Scan(&k.ID, &k.ClinicianID, &k.Key.Type, &k.Key.Key, &k.Key.Fingerprint, &k.Key.Comment,
			&added, &k.AddedBy, &revoked, &k.RevokedBy); err != nil {
			return nil, normalise(err, s.path, s.busy, "reading the clinicians' keys")
		}
		if k.AddedAt, err = parseTime(added); err != nil {
			return nil, newError(ErrCorrupt, s.path, "key %d in %s has a malformed added_at %q", k.ID, s.path, added)
		}
		if revoked != "" {
			if k.RevokedAt, err = parseTime(revoked); err != nil {
				return nil, newError(ErrCorrupt, s.path, "key %d in %s has a malformed revoked_at %q", k.ID, s.path, revoked)
			}
		}
		ks = append(ks, k)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the clinicians' keys")
	}
	return ks, nil
}
