package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"

	"caseload/internal/domain"
)

// On a local database each clinician is bound to an operating-system account on first
// use; from then on the account is who they are. os_user is UNIQUE (0001), so one
// account can never act as two clinicians, and the store refuses to move a binding:
// a clinician bound to one account cannot silently take over another.

// clinicianBound is the audit detail of "clinician.bound": the audit is the record of
// which account was bound, so it names it.
type clinicianBound struct {
	ClinicianID int64  `json:"clinician_id"`
	OSUser      string `json:"os_user"`
}

// clinicianDeactivated is the audit detail of "clinician.deactivated".
type clinicianDeactivated struct {
	ClinicianID int64 `json:"clinician_id"`
}

const clinicianSelect = `SELECT id, name, ifnull(role, ''), ifnull(registration, ''), ifnull(os_user, ''), active, access FROM clinicians`

// ClinicianByOSUser returns the clinician bound to an OS account, and false when none
// is. A deactivated clinician is returned too (Active false): the caller refuses them.
func (s *Store) ClinicianByOSUser(ctx context.Context, osUser string) (domain.Clinician, bool, error) {
	if osUser == "" {
		return domain.Clinician{}, false, nil
	}
	c, err := s.clinician(ctx, s.db, clinicianSelect+" WHERE os_user = ?", osUser)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Clinician{}, false, nil
	}
	if err != nil {
		return domain.Clinician{}, false, err
	}
	return c, true, nil
}

// BindClinician binds OS account osUser to clinician clinicianID, with the audit entry
// "clinician.bound". Binding an active clinician again to the account they already
// have changes nothing. It is refused with ErrConflict when the clinician has been deactivated, is
// bound to another account, or the account is bound to another clinician; and with
// ErrNotFound when there is no such clinician.
func (s *Store) BindClinician(ctx context.Context, actor string, at time.Time, clinicianID int64, osUser string) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if strings.TrimSpace(osUser) == "" || len(osUser) > 200 || strings.IndexFunc(osUser, unicode.IsControl) >= 0 {
		return newError(ErrInvalid, s.path, "OS account %q cannot be bound: give the account name as the system reports it", osUser)
	}
	return s.inTx(ctx, "binding a clinician to an account", func(tx *sql.Tx) error {
		c, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		switch {
		case !c.Active:
			return newError(ErrConflict, s.path, "clinician %d has been deactivated: an account cannot be bound to them", clinicianID)
		case c.OSUser == osUser:
			return nil
		case c.OSUser != "":
			return newError(ErrConflict, s.path,
				"clinician %d is already bound to OS account %s: they sign in from that account", clinicianID, c.OSUser)
		}
		other, err := s.clinician(ctx, tx, clinicianSelect+" WHERE os_user = ?", osUser)
		if err == nil {
			return newError(ErrConflict, s.path,
				"OS account %s is already bound to clinician %d: one account cannot act as two clinicians", osUser, other.ID)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE clinicians SET os_user = ? WHERE id = ?", osUser, clinicianID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "clinician.bound", "clinician", clinicianID,
			clinicianBound{ClinicianID: clinicianID, OSUser: osUser})
	})
}

// DeactivateClinician marks a clinician who has left as inactive, with the audit entry
// "clinician.deactivated": they can no longer open, write or sign records, and what
// they wrote keeps their id. Clinicians are never deleted (a trigger refuses it).
// Deactivating a clinician already inactive changes nothing. Their unsigned drafts stay
// unsigned: nobody else may sign them. A clinician's own session may not deactivate
// them (ErrForbidden); whether the actor may deactivate anyone is the audit chain's to
// decide (permit: a lead only).
func (s *Store) DeactivateClinician(ctx context.Context, actor string, at time.Time, clinicianID int64) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	// A lead's own session cannot end their own access by a slip (docs/RULES.md, "Roles").
	if actor == "clinician:"+strconv.FormatInt(clinicianID, 10) {
		return newError(ErrForbidden, s.path, "clinician %d may not deactivate themselves: another lead does that", clinicianID)
	}
	return s.inTx(ctx, "deactivating a clinician", func(tx *sql.Tx) error {
		c, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil || !c.Active {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE clinicians SET active = 0 WHERE id = ?", clinicianID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "clinician.deactivated", "clinician", clinicianID,
			clinicianDeactivated{ClinicianID: clinicianID})
	})
}

func (s *Store) clinicianByID(ctx context.Context, q querier, id int64) (domain.Clinician, error) {
	c, err := s.clinician(ctx, q, clinicianSelect+" WHERE id = ?", id)
	if errors.Is(err, sql.ErrNoRows) {
		return c, newError(ErrNotFound, s.path, "clinician %d does not exist", id)
	}
	return c, err
}

// clinician reads one clinician; sql.ErrNoRows comes back as it is.
func (s *Store) clinician(ctx context.Context, q querier, query string, args ...any) (domain.Clinician, error) {
	var c domain.Clinician
	err := q.QueryRowContext(ctx, query, args...).Scan(&c.ID, &c.Name, &c.Role, &c.Registration, &c.OSUser, &c.Active, &c.Access)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, normalise(err, s.path, s.busy, "reading a clinician")
	}
	return c, err
}
