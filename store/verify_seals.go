package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// checkSeals holds every record to the seal of the last audit entry that changed it,
// both ways: a record whose values are not the ones sealed was changed by another
// program; one with no seal was added by one; a sealed record that is not in the file
// was deleted by one (unless its last seal says caseload deleted it).
//
// The last seal of each record is gathered once into a TEMP table (in this connection
// only, never in the file), so the check streams each table beside it rather than
// holding a million seals in memory.
func checkSeals(ctx context.Context, tx *sql.Tx, r *Report) error {
	for _, stmt := range []string{
		"DROP TABLE IF EXISTS temp.verify_seals",
		`CREATE TEMP TABLE verify_seals (tbl TEXT NOT NULL, key TEXT NOT NULL, hash TEXT, fields TEXT,
			entry INTEGER NOT NULL, PRIMARY KEY (tbl, key)) WITHOUT ROWID`,
		// With max(), SQLite takes the other columns from the row holding the maximum:
		// each record's values are those of its latest seal. A detail damaged out of
		// JSON seals nothing (the chain names its entry).
		`INSERT INTO temp.verify_seals SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, max(a.id)
			FROM main.audit a, json_each(iif(json_valid(a.detail), a.detail, '{}'), '$.rows') j
			WHERE j.type = 'array'
			GROUP BY 1, 2`,
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	defer func() { _, _ = tx.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS temp.verify_seals") }()
	for _, t := range sealedTables {
		if err := checkTableSeals(ctx, tx, t, r); err != nil {
			return err
		}
		if err := checkSealedStillThere(ctx, tx, t, r); err != nil {
			return err
		}
	}
	return nil
}

// checkTableSeals reads each row of t beside its last seal.
func checkTableSeals(ctx context.Context, tx *sql.Tx, t sealedTable, r *Report) error {
	key := t.keyText("t.")
	rows, err := tx.QueryContext(ctx, "SELECT s.hash, s.fields, ifnull(s.entry, 0), "+key+", t.* FROM main."+quoteIdent(t.name)+
		" t LEFT JOIN temp.verify_seals s ON s.tbl = ? AND s.key = "+key+" ORDER BY "+prefixed("t.", t.key), t.name)
	if err != nil {
		return err
	}
	return eachRecord(rows, 4, func(lead []any, l layout, values []any) error {
		sealed, _ := lead[0].(string)
		fields, _ := lead[1].(string)
		entry, _ := lead[2].(int64)
		k, _ := lead[3].(string)
		r.Records++
		switch img := l.image(t.name, k, values); {
		case lead[0] == nil:
			r.addf(t.record, k, 0, "%s %s: no audit entry recorded it, so it was written by another program", t.record, k)
		case sealed == deletedSeal:
			r.addf(t.record, k, entry, "%s %s: audit entry %d recorded it deleted, and it is in the file", t.record, k, entry)
		case sealed != img.hash:
			changed := changedFields(fields, img)
			p := Problem{Record: t.record, Key: k, Field: strings.Join(changed, ", "), Entry: entry}
			what := "its values are"
			switch len(changed) {
			case 0:
			case 1:
				what = changed[0] + " is"
			default:
				what = strings.Join(changed, ", ") + " are"
			}
			p.Text = fmt.Sprintf("%s %s: %s not what audit entry %d recorded, so it was changed by another program",
				t.record, k, what, entry)
			r.add(p)
		}
		return nil
	})
}

// checkSealedStillThere names the records whose last seal says they exist, and which
// are not in the file.
func checkSealedStillThere(ctx context.Context, tx *sql.Tx, t sealedTable, r *Report) error {
	// Each key part compared to its column: the column's INTEGER affinity turns '12'
	// into 12, so the primary key's index finds the row.
	conds := make([]string, len(t.key))
	for i, k := range t.key {
		part := "s.key"
		if len(t.key) == 2 && i == 0 {
			part = "substr(s.key, 1, instr(s.key, '/') - 1)"
		} else if len(t.key) == 2 {
			part = "substr(s.key, instr(s.key, '/') + 1)"
		}
		conds[i] = "x." + quoteIdent(k) + " = " + part
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.key, s.entry FROM temp.verify_seals s WHERE s.tbl = ? AND s.hash IS NOT ?
		AND NOT EXISTS (SELECT 1 FROM main.`+quoteIdent(t.name)+` x WHERE `+strings.Join(conds, " AND ")+`) ORDER BY s.entry`,
		t.name, deletedSeal)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var entry int64
		if err := rows.Scan(&k, &entry); err != nil {
			return err
		}
		r.addf(t.record, k, entry, "%s %s: audit entry %d recorded it, and it is not in the file: it was deleted by another program",
			t.record, k, entry)
	}
	return rows.Err()
}

func prefixed(prefix string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = prefix + quoteIdent(c)
	}
	return strings.Join(out, ", ")
}
