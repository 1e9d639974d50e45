package store

import (
	"context"
	"database/sql"
	"time"
)

// sealsPerEntry bounds one "database.sealed" entry, so sealing a large file does not
// make one audit entry of many megabytes.
const sealsPerEntry = 500

// databaseSealed is the audit detail of "database.sealed": the rows that were in the
// file when it was brought to the schema whose entries carry seals. It vouches for
// them as they were then; from then on each change is sealed by its own entry.
type databaseSealed struct {
	SchemaVersion int    `json:"schema_version"`
	Why           string `json:"why"`
}

// sealExisting is migration 0014's step, at now: when the file was brought forward. A
// database being created does not run it: its first entry, "database.created", seals
// the rows the schema itself made (allSeals), so the chain still begins with it.
func sealExisting(ctx context.Context, tx *sql.Tx, now time.Time) error {
	// Seals began with schema 14, so a file holding any was at 14 already: its version
	// was lowered by hand, and sealing "what is there" would vouch for whatever was
	// changed meanwhile.
	var sealedBefore bool
	err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM audit WHERE json_type(detail, '$.rows') IS NOT NULL)").Scan(&sealedBefore)
	if err != nil {
		return err
	}
	if sealedBefore {
		return newError(ErrSchemaChanged, "",
			"the database says its schema is older than 14, but its audit already carries seals: its version was lowered by another program, so caseload will not use it and has left it as it was; restore it from a backup")
	}
	c, err := openChain(ctx, tx)
	if err != nil {
		return err
	}
	var batch []seal
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := c.appendSealed(ctx, "caseload", now, "database.sealed", "database", 0,
			databaseSealed{SchemaVersion: 14, Why: "the rows already in the file when seals began"}, batch)
		batch = batch[:0]
		return err
	}
	for _, t := range sealedTables {
		err := eachImage(ctx, tx, t, func(key string, img rowImage) error {
			batch = append(batch, seal{t.name, key, img.hash, img.fields})
			if len(batch) < sealsPerEntry {
				return nil
			}
			return flush()
		})
		if err != nil {
			return err
		}
	}
	return flush()
}

// eachImage reads every row of t, in key order, with its key text and after-image. A
// table a later migration makes has no rows yet to read.
func eachImage(ctx context.Context, q querier, t sealedTable, fn func(key string, img rowImage) error) error {
	var exists bool
	err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?)", t.name).Scan(&exists)
	if err != nil || !exists {
		return err
	}
	rows, err := q.QueryContext(ctx, "SELECT "+t.keyText("")+" AS seal_key, * FROM main."+quoteIdent(t.name)+" ORDER BY "+t.orderBy())
	if err != nil {
		return err
	}
	return eachRecord(rows, 1, func(lead []any, l layout, values []any) error {
		key, _ := lead[0].(string)
		return fn(key, l.image(t.name, key, values))
	})
}

// allSeals seals every row in the file, for the entry that creates it.
func allSeals(ctx context.Context, q querier) ([]seal, error) {
	var seals []seal
	for _, t := range sealedTables {
		err := eachImage(ctx, q, t, func(key string, img rowImage) error {
			seals = append(seals, seal{t.name, key, img.hash, img.fields})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return seals, nil
}
