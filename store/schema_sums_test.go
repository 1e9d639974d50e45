package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updateSums = flag.Bool("update", false, "rewrite schema_sums.txt from the migrations")

// regenerate is how to bring schema_sums.txt up to date after adding a migration.
const regenerate = "go test ./store -run TestSchemaSums -update"

// atVersion makes a database at path holding the schema of migrations 1..v, as a
// caseload that knew only those would have left it, and returns its connection.
func atVersion(t *testing.T, path string, v int) *sql.DB {
	t.Helper()
	d, err := dsn(path, "_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations()[:v] {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if err := applyMigration(context.Background(), tx, m, t0, false); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

// schema_sums.txt holds the sum of the schema each version's migrations make, which
// Open compares a file's schema against. A migration added or changed without
// regenerating the file fails here, naming the command that does it.
func TestSchemaSums(t *testing.T) {
	ctx := context.Background()
	db := atVersion(t, filepath.Join(t.TempDir(), "sums.db"), 0)
	var b strings.Builder
	ms := migrations()
	for v := 0; v <= len(ms); v++ {
		sum, err := schemaSum(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d %s\n", v, sum)
		if v == len(ms) {
			break
		}
		tx, err := db.Begin()
		if err == nil {
			err = applyMigration(ctx, tx, ms[v], t0, false) // the schema alone: no rows to bring forward
		}
		if err == nil {
			err = tx.Commit()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if *updateSums {
		if err := os.WriteFile("schema_sums.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if b.String() != schemaSumsFile {
		t.Fatalf("store/schema_sums.txt does not match the migrations (0001 to %s): if you added or changed a migration, "+
			"regenerate it with\n\t%s\nand commit it with the migration.\nwant:\n%sgot:\n%s",
			ms[len(ms)-1].name, regenerate, b.String(), schemaSumsFile)
	}
}

// Comments and spacing inside a CREATE are not part of the schema; quoted text is.
func TestPlainSQL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"CREATE TABLE a (x INT)", "CREATE TABLE a (x INT)"},
		{"CREATE TABLE a (\n    x INT, -- the x\n    y TEXT /* why */ )", "CREATE TABLE a ( x INT, y TEXT )"},
		{"CHECK (x IN ('a  b', '--c'))", "CHECK (x IN ('a  b', '--c'))"},
		{"CREATE  TABLE \"a  b\"\t(x)", "CREATE TABLE \"a  b\" (x)"},
	} {
		if got := plainSQL(tt.in); got != tt.want {
			t.Errorf("plainSQL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A database whose schema is not the one its version was made with (user_version
// lowered with the sqlite3 shell, a trigger dropped, an index added) is refused by Open
// and OpenReadOnly in one sentence, byte for byte untouched: Open used to re-run
// migration 10 on tables that had it, change the file, then fail with a raw SQL error
// (issue 12, finding 4).
func TestOpenRefusesASchemaThatDoesNotMatchItsVersion(t *testing.T) {
	for _, tt := range []struct {
		name  string
		stmts []string
		says  string
	}{
		{"user_version lowered to 9", []string{"PRAGMA user_version = 9"}, "(9)"},
		{"user_version lowered to 1", []string{"PRAGMA user_version = 1"}, "(1)"},
		{"user_version lowered by one", []string{fmt.Sprintf("PRAGMA user_version = %d", len(migrations())-1)},
			fmt.Sprintf("(%d)", len(migrations())-1)},
		{"a trigger dropped", []string{"DROP TRIGGER notes_signed_no_update"}, fmt.Sprintf("(%d)", len(migrations()))},
		{"an index added", []string{"CREATE INDEX extra ON people (given_name)"}, fmt.Sprintf("(%d)", len(migrations()))},
	} {
		for _, opener := range []struct {
			name string
			open func(context.Context, string, Options) (*Store, error)
		}{{"Open", Open}, {"OpenReadOnly", OpenReadOnly}} {
			t.Run(tt.name+"/"+opener.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "caseload.db")
				caseloadFile(t, path, 3)
				rawExec(t, "_pragma=journal_mode(WAL)", path, tt.stmts...)
				before := snap(t, path)
				s, err := opener.open(context.Background(), path, Options{})
				if err == nil {
					s.Close()
					t.Fatal("opened")
				}
				want := "the schema of " + path + " does not match its version " + tt.says +
					": it was changed by another program, so caseload will not use it and has left it as it was; restore it from a backup"
				if !errors.Is(err, ErrSchemaChanged) || err.Error() != want {
					t.Errorf("err = %v\nwant %s", err, want)
				}
				after := snap(t, path)
				if !bytes.Equal(before.data, after.data) || !slices.Equal(before.files, after.files) {
					t.Errorf("the refused file changed (files %v -> %v)", before.files, after.files)
				}
			})
		}
	}
}

// A database genuinely at an older version (made by a caseload that knew only the first
// v migrations) is still brought forward, from every version.
func TestOpenMigratesEveryOlderVersion(t *testing.T) {
	ctx := context.Background()
	for v := 1; v < len(migrations()); v++ {
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			if err := atVersion(t, path, v).Close(); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got int
			if err := s.db.QueryRow("PRAGMA user_version").Scan(&got); err != nil || got != len(migrations()) {
				t.Fatalf("user_version %d (%v), want %d", got, err, len(migrations()))
			}
			if err := checkSchema(ctx, s.db, path, got); err != nil {
				t.Error(err)
			}
		})
	}
}
