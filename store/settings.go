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
	return s.changeSetting(ctx, actor, at, key, value, nil)
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
