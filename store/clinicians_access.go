package store

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"caseload/internal/domain"
)

// clinicianAccessChanged is the audit detail of "clinician.access_changed".
type clinicianAccessChanged struct {
	ClinicianID int64  `json:"clinician_id"`
	From        string `json:"from"`
	To          string `json:"to"`
}

// SetClinicianAccess gives clinician clinicianID the access to (docs/RULES.md, "Roles"),
// with the audit entry "clinician.access_changed", and reports whether anything changed
// (giving the access they have already is not an error and records nothing). It is
// refused with ErrConflict when it would leave the team with no active lead (someone
// must be able to manage it), with ErrForbidden when a clinician's own session asks to
// change their own access (another lead does that, so a lead cannot lock themselves out
// by a slip), with ErrInvalid for an access that does not exist and with ErrNotFound for
// an unknown clinician. Whether the actor may change anyone's access at all is the
// chain's to decide (permit): only a lead may.
func (s *Store) SetClinicianAccess(ctx context.Context, actor string, at time.Time, clinicianID int64, to domain.Access) (changed bool, err error) {
	if err := s.checkChange(actor, at); err != nil {
		return false, err
	}
	to, err = domain.ParseAccess(string(to))
	if err != nil {
		return false, newError(ErrInvalid, s.path, "%s", err)
	}
	if actor == "clinician:"+strconv.FormatInt(clinicianID, 10) {
		return false, newError(ErrForbidden, s.path, "clinician %d may not change their own access: another lead does that", clinicianID)
	}
	err = s.inTx(ctx, "changing a clinician's access", func(tx *sql.Tx) error {
		c, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil || c.Access == to {
			return err
		}
		if c.Leads() && c.Active {
			var others int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM clinicians WHERE access = 'lead' AND active = 1 AND id <> ?",
				clinicianID).Scan(&others); err != nil {
				return err
			}
			if others == 0 {
				return newError(ErrConflict, s.path,
					"%s is the team's last active lead: make someone else a lead first, so someone can still manage the team", c.Name)
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE clinicians SET access = ? WHERE id = ?", string(to), clinicianID); err != nil {
			return err
		}
		changed = true
		return s.audit(ctx, tx, actor, at, "clinician.access_changed", "clinician", clinicianID,
			clinicianAccessChanged{ClinicianID: clinicianID, From: string(c.Access), To: string(to)})
	})
	if err != nil {
		return false, err
	}
	return changed, nil
}
