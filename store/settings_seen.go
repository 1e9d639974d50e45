package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// SetSettingSeen sets key to value as SetSetting does, but only if the setting still
// holds seen, the value the lead was shown: two leads changing the caseload cap from
// the Settings screen at once must not have the second silently undo the first. A
// setting changed since is ErrConflict, naming who changed it, to what and when.
func (s *Store) SetSettingSeen(ctx context.Context, actor string, at time.Time, key, seen, value string) (changed bool, err error) {
	return s.changeSetting(ctx, actor, at, key, value, &seen)
}

// changeSetting is both: the checks, then setSetting in one transaction.
func (s *Store) changeSetting(ctx context.Context, actor string, at time.Time, key, value string, seen *string) (changed bool, err error) {
	if err := checkActor(actor); err != nil {
		return false, withPath(err, s.path)
	}
	if why := instantProblem(at); why != "" {
		return false, newError(ErrInvalid, s.path, "the time of the change %s", why)
	}
	if err := domain.CheckSetting(key, value); err != nil {
		return false, newError(ErrInvalid, s.path, "%v", err)
	}
	err = s.inTx(ctx, "changing a setting", func(tx *sql.Tx) error {
		var err error
		changed, err = s.setSetting(ctx, tx, actor, at, key, value, seen)
		return err
	})
	return changed, err
}

// setSetting is the write both share, in tx: when seen is given, the setting must still
// hold it.
func (s *Store) setSetting(ctx context.Context, tx *sql.Tx, actor string, at time.Time, key, value string, seen *string) (bool, error) {
	var id int64
	def, _ := domain.DefaultSetting(key) // CheckSetting knew the key
	from := def.Value
	err := tx.QueryRowContext(ctx, "SELECT id, value FROM settings WHERE key = ?", key).Scan(&id, &from)
	missing := errors.Is(err, sql.ErrNoRows)
	if err != nil && !missing {
		return false, err
	}
	if seen != nil && from != *seen {
		return false, s.settingMoved(ctx, tx, key, id, from)
	}
	switch {
	case from == value:
		return false, nil // as it is (or the default, which a missing row already reads as)
	case missing:
		res, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?)", key, value)
		if err != nil {
			return false, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return false, err
		}
	default:
		if _, err := tx.ExecContext(ctx, "UPDATE settings SET value = ? WHERE id = ?", value, id); err != nil {
			return false, err
		}
	}
	ch, err := openChain(ctx, tx)
	if err != nil {
		return false, err
	}
	_, err = ch.append(ctx, actor, at, "setting.changed", "setting", id, settingChanged{Key: key, From: from, To: value})
	return err == nil, err
}

// settingMoved is the refusal of a change to a setting someone changed since it was
// read: who, when (London time) and to what.
func (s *Store) settingMoved(ctx context.Context, tx *sql.Tx, key string, id int64, now string) error {
	var actor, at string
	err := tx.QueryRowContext(ctx, `SELECT actor, at FROM audit WHERE entity = 'setting' AND entity_id = ?
		AND action = 'setting.changed' ORDER BY id DESC LIMIT 1`, id).Scan(&actor, &at)
	if err != nil {
		return newError(ErrConflict, s.path, "%s was changed to %s since you read it: nothing was changed", key, now)
	}
	by := domain.ActorName(actor, func(id int64) (string, bool) {
		cl, err := s.clinicianByID(ctx, tx, id)
		return cl.Name, err == nil
	})
	when := at
	if t, err := parseTime(at); err == nil {
		when = t.In(clock.London()).Format("15:04 on 2 Jan 2006")
	}
	return newError(ErrConflict, s.path, "%s was changed to %s by %s at %s since you read it: nothing was changed", key, now, by, when)
}
