package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// downgrade closes s and replaces its file with a genuine database at schema v (made by
// migrations 1..v, as a caseload that knew only those left it) holding s's rows: every
// column the two schemas share, table by table. It returns the path, for the migration
// tests to put in what schema v held differently and then Open.
func downgrade(t *testing.T, s *Store, v int) string {
	t.Helper()
	path := s.path
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	db := atVersion(t, old, v)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("PRAGMA foreign_keys = OFF")
	exec("ATTACH DATABASE ? AS cur", path)
	rows, err := conn.QueryContext(ctx, `SELECT name FROM main.sqlite_schema
		WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		var cols string
		err := conn.QueryRowContext(ctx, `SELECT group_concat('"' || o.name || '"', ', ') FROM pragma_table_info(?, 'main') o
			JOIN pragma_table_info(?, 'cur') c ON c.name = o.name`, table, table).Scan(&cols)
		if errors.Is(err, sql.ErrNoRows) || cols == "" {
			continue // a table schema v had and the current one does not
		}
		if err != nil {
			t.Fatal(err)
		}
		// OR REPLACE: a search index's shadow tables hold their configuration already.
		exec(fmt.Sprintf(`INSERT OR REPLACE INTO main."%s" (%s) SELECT %s FROM cur."%s"`, table, cols, cols, table))
	}
	exec("DETACH DATABASE cur")
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(f)
	}
	if err := os.Rename(old, path); err != nil {
		t.Fatal(err)
	}
	return path
}
