package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The watch is how the store knows which rows a transaction changed, whatever code
// changed them: TEMP triggers on every sealed table note each inserted, updated or
// deleted key in temp.sealed_touched, and every audit entry takes the seals of the
// rows noted since the entry before it (chain.append). TEMP objects live in this
// connection only, never in the file, so another program writing the file is not
// noted: its changes are what Verify then finds unsealed.

const watchTable = "sealed_touched"

// watchSQL creates the watch: the table, then three triggers for each sealed table.
// The table has no key (a row changed twice is noted twice, and read once): an INSERT
// OR IGNORE in a trigger would take the outer statement's conflict rule instead, and
// an upsert's would make the note itself fail.
func watchSQL() []string {
	stmts := []string{"CREATE TEMP TABLE IF NOT EXISTS " + watchTable +
		" (tbl TEXT NOT NULL, key TEXT NOT NULL)"}
	note := func(t sealedTable, row string) string {
		return fmt.Sprintf("INSERT INTO temp.%s VALUES ('%s', %s);", watchTable, t.name, t.keyText(row+"."))
	}
	for _, t := range sealedTables {
		for _, ev := range []struct{ name, body string }{
			{"INSERT", note(t, "NEW")},
			{"UPDATE", note(t, "OLD") + " " + note(t, "NEW")},
			{"DELETE", note(t, "OLD")},
		} {
			stmts = append(stmts, fmt.Sprintf("CREATE TEMP TRIGGER IF NOT EXISTS seal_%s_%s AFTER %s ON main.%s BEGIN %s END",
				t.name, strings.ToLower(ev.name), ev.name, quoteIdent(t.name), ev.body))
		}
	}
	return stmts
}

// watching makes sure this transaction's connection has the watch. The store keeps one
// connection, so this is one cheap count; a connection the pool reopened gets it anew.
// While the schema is being brought up to date (current is false) the tables may not
// exist yet, so only the watch's table is made: a migration that changes records seals
// them itself.
func watching(ctx context.Context, tx *sql.Tx, current bool) error {
	if !current {
		_, err := tx.ExecContext(ctx, watchSQL()[0])
		return err
	}
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'seal\\_%' ESCAPE '\\'").Scan(&n)
	if err != nil {
		return err
	}
	if n == 3*len(sealedTables) {
		return nil
	}
	for _, stmt := range watchSQL() {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("watching for changes: %w", err)
		}
	}
	return nil
}

// errUnaudited is a change no audit entry took: a bug in the store, refused so that
// the file never holds a row the audit did not see.
var errUnaudited = errors.New("a change was made without its audit entry")

// unsealed fails when the transaction changed rows that no audit entry has sealed.
func unsealed(ctx context.Context, tx *sql.Tx) error {
	var tbl, key string
	err := tx.QueryRowContext(ctx, "SELECT tbl, key FROM temp."+watchTable+" LIMIT 1").Scan(&tbl, &key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%w (%s %s)", errUnaudited, tbl, key)
}

// sealer takes the seals of the rows the watch noted; a chain holds one for its
// transaction.
type sealer struct {
	tx           *sql.Tx
	noted, clear *sql.Stmt
	rows         map[string]*sql.Stmt // one SELECT per table, prepared when first needed
	layouts      map[string]layout
}

// seal is one row's entry in an audit detail's "rows".
type seal [4]string

// take returns the seals of every row noted since the last call and clears the notes.
func (s *sealer) take(ctx context.Context) ([]seal, error) {
	if s.noted == nil {
		var err error
		if s.noted, err = s.tx.PrepareContext(ctx, "SELECT DISTINCT tbl, key FROM temp."+watchTable+" ORDER BY tbl, key"); err != nil {
			return nil, err
		}
		if s.clear, err = s.tx.PrepareContext(ctx, "DELETE FROM temp."+watchTable); err != nil {
			return nil, err
		}
	}
	rows, err := s.noted.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	type noted struct{ tbl, key string }
	var ns []noted
	for rows.Next() {
		var n noted
		if err := rows.Scan(&n.tbl, &n.key); err != nil {
			rows.Close()
			return nil, err
		}
		ns = append(ns, n)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return nil, nil
	}
	if _, err := s.clear.ExecContext(ctx); err != nil {
		return nil, err
	}
	seals := make([]seal, 0, len(ns))
	for _, n := range ns {
		t, ok := sealedTableNamed(n.tbl)
		if !ok {
			return nil, fmt.Errorf("watch noted unknown table %q", n.tbl)
		}
		img, found, err := s.image(ctx, t, n.key)
		if err != nil {
			return nil, err
		}
		if !found {
			seals = append(seals, seal{t.name, n.key, deletedSeal, ""})
			continue
		}
		seals = append(seals, seal{t.name, n.key, img.hash, img.fields})
	}
	return seals, nil
}

// image reads one row and returns its seal; found is false when it no longer exists.
func (s *sealer) image(ctx context.Context, t sealedTable, key string) (rowImage, bool, error) {
	if s.rows == nil {
		s.rows, s.layouts = map[string]*sql.Stmt{}, map[string]layout{}
	}
	stmt := s.rows[t.name]
	if stmt == nil {
		var err error
		stmt, err = s.tx.PrepareContext(ctx, "SELECT * FROM main."+quoteIdent(t.name)+" WHERE "+t.where())
		if err != nil {
			return rowImage{}, false, err
		}
		s.rows[t.name] = stmt
	}
	rows, err := stmt.QueryContext(ctx, t.keyArgs(key)...)
	if err != nil {
		return rowImage{}, false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return rowImage{}, false, rows.Err()
	}
	names, values, err := scanAny(rows)
	if err != nil {
		return rowImage{}, false, err
	}
	l, ok := s.layouts[t.name]
	if !ok {
		l = layoutOf(names)
		s.layouts[t.name] = l
	}
	return l.image(t.name, key, values), true, rows.Close()
}

// eachRecord reads rows whose first lead columns are the caller's and the rest one
// record's, passing fn those lead values and the record's values with their layout,
// worked out once for the query.
func eachRecord(rows *sql.Rows, lead int, fn func(lead []any, l layout, values []any) error) error {
	defer rows.Close()
	var l *layout
	for rows.Next() {
		names, values, err := scanAny(rows)
		if err != nil {
			return err
		}
		if l == nil {
			l = new(layoutOf(names[lead:]))
		}
		if err := fn(values[:lead], *l, values[lead:]); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanAny reads the current row whatever its columns.
func scanAny(rows *sql.Rows) ([]string, []any, error) {
	names, err := rows.Columns()
	if err != nil {
		return nil, nil, err
	}
	values := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range values {
		ptrs[i] = &values[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, nil, err
	}
	return names, values, nil
}

func sealedTableNamed(name string) (sealedTable, bool) {
	for _, t := range sealedTables {
		if t.name == name {
			return t, true
		}
	}
	return sealedTable{}, false
}
