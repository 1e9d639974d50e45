package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// settingChanged is the audit detail of "setting.changed".
type settingChanged struct {
	Key  string `json:"key"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Settings returns every setting of the service with its value, in the order
// domain.DefaultSettings lists them; a setting with no row holds its default.
func (s *Store) Settings(ctx context.Context) ([]domain.Setting, error) {
	const what = "reading the settings"
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	held := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		held[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	out := domain.DefaultSettings()
	for i := range out {
		if v, ok := held[out[i].Key]; ok {
			out[i].Value = v
		}
	}
	return out, nil
}

// SetSetting sets key to value, with its audit entry, in one transaction, and says
// whether it changed: a setting already at value is left alone and not audited. An
// unknown key or value is ErrInvalid with the sentence of domain.CheckSetting.
func (s *Store) SetSetting(ctx context.Context, actor string, at time.Time, key, value string) (changed bool, err error) {
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
		var id int64
		def, _ := domain.DefaultSetting(key) // CheckSetting knew the key
		from := def.Value
		err := tx.QueryRowContext(ctx, "SELECT id, value FROM settings WHERE key = ?", key).Scan(&id, &from)
		switch {
		case errors.Is(err, sql.ErrNoRows) && from == value:
			return nil // the default, which a missing row already reads as
		case errors.Is(err, sql.ErrNoRows):
			res, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?)", key, value)
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		case err != nil:
			return err
		case from == value:
			return nil
		default:
			if _, err := tx.ExecContext(ctx, "UPDATE settings SET value = ? WHERE id = ?", value, id); err != nil {
				return err
			}
		}
		changed = true
		ch, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		_, err = ch.append(ctx, actor, at, "setting.changed", "setting", id, settingChanged{Key: key, From: from, To: value})
		return err
	})
	return changed, err
}

// settingValue is the value of setting key as stored, "" when the service has not set
// it: the domain's reader of that setting then gives its default.
func settingValue(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}
