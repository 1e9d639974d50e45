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
		if table == "audit" && v < 14 {
			unsealedAudit(t, ctx, conn)
			continue
		}
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

// unsealedAudit copies the audit of cur into main as a caseload before schema 14 wrote
// it: without the seals that end each detail, every hash re-computed along the chain.
func unsealedAudit(t *testing.T, ctx context.Context, conn *sql.Conn) {
	t.Helper()
	rows, err := conn.QueryContext(ctx, "SELECT id, at, actor, action, entity, entity_id, detail FROM cur.audit ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	var es []AuditEntry
	var ats []string
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			t.Fatal(err)
		}
		e.Detail = withoutSeals(e.Detail)
		es, ats = append(es, e), append(ats, at)
	}
	rows.Close()
	prev := genesis
	for i, e := range es {
		h := entryHash(prev, canonical(e.ID, ats[i], e.Actor, e.Action, e.Entity, e.EntityID, e.Detail))
		if _, err := conn.ExecContext(ctx, `INSERT INTO main.audit (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, ats[i], e.Actor, e.Action, e.Entity, e.EntityID, e.Detail, prev, h); err != nil {
			t.Fatal(err)
		}
		prev = h
	}
}
