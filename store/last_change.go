package store

import (
	"context"
	"database/sql"
	"errors"

	"caseload/internal/domain"
)

// LastChange is the latest change recorded about a record (entity "referral", "case",
// ...) in the audit: who made it, by name where the team knows them, when, and the
// action. Views are not changes and are passed over. A record with no change yet gives
// the zero Change and nil. Forms use it to tell a person who decided first.
func (s *Store) LastChange(ctx context.Context, entity string, id int64) (domain.Change, error) {
	if err := s.reader("read a record's last change"); err != nil {
		return domain.Change{}, err
	}
	const what = "reading the record's last change"
	var actor, at, action string
	err := s.db.QueryRowContext(ctx, `SELECT actor, at, action FROM audit
		WHERE entity = ? AND entity_id = ? AND action NOT LIKE '%.viewed' ORDER BY id DESC LIMIT 1`,
		entity, id).Scan(&actor, &at, &action)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Change{}, nil
	}
	if err != nil {
		return domain.Change{}, normalise(err, s.path, s.busy, what)
	}
	t, err := parseTime(at)
	if err != nil {
		return domain.Change{}, newError(ErrCorrupt, s.path, "an audit time in %s is malformed: %v", s.path, err)
	}
	// By is for people: a clinician's name, "demo:Dr X" as "Dr X" (domain.ActorName).
	by := domain.ActorName(actor, func(id int64) (string, bool) {
		cl, err := s.clinicianByID(ctx, s.db, id)
		return cl.Name, err == nil
	})
	return domain.Change{Action: action, At: t, By: by}, nil
}
