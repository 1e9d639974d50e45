package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode"

	"caseload/internal/domain"
)

// clinicianAdded is the audit detail of "clinician.added".
type clinicianAdded struct {
	ClinicianID int64  `json:"clinician_id"`
	Role        string `json:"role,omitempty"`
	Active      bool   `json:"active"`
	BoundToOS   bool   `json:"bound_to_os_user"`
	Access      string `json:"access,omitempty"`
}

// accessOf is the access a new clinician is given: c.Access, or, when none is given,
// what migration 0016 gave everyone already on the team: a lead for the role "lead"
// (any case), a clinician otherwise, so scripts written before access keep working.
func accessOf(c domain.Clinician) (domain.Access, error) {
	if c.Access != "" {
		return domain.ParseAccess(string(c.Access))
	}
	if domain.IsLead(c.Role) {
		return domain.AccessLead, nil
	}
	return domain.AccessClinician, nil
}

// AddClinician records a member of the team with its audit entry and returns their id.
// c.ID is ignored. An OS account already bound to another clinician is refused with
// ErrConflict: one account acting as two clinicians would put the wrong name on notes.
func (s *Store) AddClinician(ctx context.Context, actor string, at time.Time, c domain.Clinician) (int64, error) {
	if err := checkActor(actor); err != nil {
		return 0, withPath(err, s.path)
	}
	if why := instantProblem(at); why != "" {
		return 0, newError(ErrInvalid, s.path, "the time of the change %s", why)
	}
	if strings.TrimSpace(c.Name) == "" {
		return 0, newError(ErrInvalid, s.path, "a clinician needs a name")
	}
	for _, f := range []string{c.Name, c.Role, c.Registration, c.OSUser} {
		if strings.IndexFunc(f, unicode.IsControl) >= 0 {
			return 0, newError(ErrInvalid, s.path, "clinician details contain a control character: retype them")
		}
	}
	access, err := accessOf(c)
	if err != nil {
		return 0, newError(ErrInvalid, s.path, "%s", err)
	}
	var id int64
	err = s.inTx(ctx, "adding a clinician", func(tx *sql.Tx) error {
		if c.OSUser != "" {
			var other int64
			err := tx.QueryRowContext(ctx, "SELECT id FROM clinicians WHERE os_user = ?", c.OSUser).Scan(&other)
			if err == nil {
				return newError(ErrConflict, s.path,
					"OS account %s is already bound to clinician %d: unbind it there first", c.OSUser, other)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO clinicians (name, role, registration, os_user, active, access)
			VALUES (?, ?, ?, ?, ?, ?)`, c.Name, null(c.Role), null(c.Registration), null(c.OSUser), c.Active, string(access))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		ch, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		_, err = ch.append(ctx, actor, at, "clinician.added", "clinician", id,
			clinicianAdded{ClinicianID: id, Role: c.Role, Active: c.Active, BoundToOS: c.OSUser != "", Access: string(access)})
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// Clinicians returns every clinician, active or not, ordered by id.
func (s *Store) Clinicians(ctx context.Context) ([]domain.Clinician, error) {
	cs, err := s.cliniciansIn(ctx, s.db)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading the clinicians")
	}
	return cs, nil
}
