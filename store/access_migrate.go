package store

import (
	"context"
	"database/sql"
	"time"
)

// sealAccess is migration 0016's step. The new access column is never NULL, so it is
// part of every clinician row's seal (rowImage), and each row must be sealed again as
// it now is. Only a row that still matched its last seal before the column came is
// sealed again: one changed behind caseload's back keeps its old seal, so Verify still
// finds it rather than the migration vouching for it.
func sealAccess(ctx context.Context, tx *sql.Tx, now time.Time) error {
	last, err := lastSeals(ctx, tx, "clinicians")
	if err != nil {
		return err
	}
	// The row as schema 15 held it: the columns of 0001, without access.
	rows, err := tx.QueryContext(ctx, `SELECT CAST(id AS TEXT) AS seal_key, id, name, role, registration, os_user, active
		FROM main.clinicians ORDER BY id`)
	if err != nil {
		return err
	}
	matched := map[string]bool{}
	err = eachRecord(rows, 1, func(lead []any, l layout, values []any) error {
		key, _ := lead[0].(string)
		matched[key] = last[key] != "" && l.image("clinicians", key, values).hash == last[key]
		return nil
	})
	if err != nil || len(matched) == 0 {
		return err
	}
	t, _ := sealedTableNamed("clinicians")
	var batch []seal
	err = eachImage(ctx, tx, t, func(key string, img rowImage) error {
		if matched[key] {
			batch = append(batch, seal{t.name, key, img.hash, img.fields})
		}
		return nil
	})
	if err != nil || len(batch) == 0 {
		return err
	}
	c, err := openChain(ctx, tx)
	if err != nil {
		return err
	}
	// A team is tens of people: one entry holds them all (sealsPerEntry is 500).
	_, err = c.appendSealed(ctx, "caseload", now, "database.sealed", "database", 0,
		databaseSealed{SchemaVersion: 16, Why: "each clinician's access, a column schema 16 added"}, batch)
	return err
}

// lastSeals is the hash of the last seal of each row of table, by key.
func lastSeals(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT j.value ->> 1, j.value ->> 2, max(a.id)
		FROM main.audit a, json_each(iif(json_valid(a.detail), a.detail, '{}'), '$.rows') j
		WHERE j.type = 'array' AND j.value ->> 0 = ? GROUP BY 1`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var key, hash sql.NullString
		var entry int64
		if err := rows.Scan(&key, &hash, &entry); err != nil {
			return nil, err
		}
		out[key.String] = hash.String
	}
	return out, rows.Err()
}
