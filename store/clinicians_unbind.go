package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode"
)

// clinicianUnbound is the audit detail of "clinician.unbound": like the binding, it
// names the account, so the audit shows which account acted as whom, and when it
// stopped.
type clinicianUnbound struct {
	ClinicianID int64  `json:"clinician_id"`
	OSUser      string `json:"os_user"`
}

// UnbindClinician removes the binding of OS account osUser to clinician clinicianID,
// with the audit entry "clinician.unbound": a lead's way to undo a wrong binding, or to
// free the account of a clinician who has been deactivated, so that it can be bound to
// whoever now uses it. Both are named, so a slip of the id cannot unbind someone else.
// A clinician bound to no account, with the account bound to nobody either, is left as
// they are (nothing is recorded: asking twice is not an error). A clinician bound to
// another account, or an account bound to another clinician, is refused with
// ErrConflict, and an unknown id with ErrNotFound.
// What the clinician wrote keeps their id: unbinding changes who the account is from
// now on, never who wrote what.
func (s *Store) UnbindClinician(ctx context.Context, actor string, at time.Time, clinicianID int64, osUser string) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if strings.TrimSpace(osUser) == "" || len(osUser) > 200 || strings.IndexFunc(osUser, unicode.IsControl) >= 0 {
		return newError(ErrInvalid, s.path, "OS account %q cannot be unbound: give the account name as clinicians list shows it", osUser)
	}
	return s.inTx(ctx, "unbinding a clinician from an account", func(tx *sql.Tx) error {
		c, err := s.clinicianByID(ctx, tx, clinicianID)
		switch {
		case err != nil:
			return err
		case c.OSUser == "":
			other, err := s.clinician(ctx, tx, clinicianSelect+" WHERE os_user = ?", osUser)
			if err == nil {
				return newError(ErrConflict, s.path,
					"OS account %s is bound to clinician %d, not %d: check the account and the id", osUser, other.ID, clinicianID)
			}
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
			return err
		case c.OSUser != osUser:
			return newError(ErrConflict, s.path,
				"clinician %d is bound to OS account %s, not %s: check the account and the id", clinicianID, c.OSUser, osUser)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE clinicians SET os_user = NULL WHERE id = ?", clinicianID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "clinician.unbound", "clinician", clinicianID,
			clinicianUnbound{ClinicianID: clinicianID, OSUser: osUser})
	})
}
