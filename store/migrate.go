package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"time"
)

// applicationID marks a SQLite file as a caseload database in its header (offset 68),
// so that caseload, file(1) and anyone else can tell one apart from another
// application's database. It is "CSLD" in ASCII: 0x43534C44.
const applicationID = 0x43534C44

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded schema step; it brings user_version from version-1 to
// version.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded steps in order. The set is fixed at build time and a
// test checks it is numbered 0001, 0002, ... without gaps, so a malformed set cannot
// ship; a panic here would be a build mistake, not something a user can cause.
func migrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	ms := make([]migration, 0, len(names))
	for _, name := range names { // fs.Glob returns them sorted
		base := path.Base(name)
		n, err := strconv.Atoi(base[:4])
		if err != nil || n != len(ms)+1 || base[4] != '_' {
			panic(fmt.Sprintf("store: migration %s is out of sequence: want %04d_name.sql", base, len(ms)+1))
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: n, name: base, sql: string(b)})
	}
	return ms
}

// migrate applies the steps the database lacks, all in one IMMEDIATE transaction that
// also records the new user_version: the schema is brought forward whole or not at all,
// so a full disk or a signal part-way leaves the file as it was. Reading user_version
// inside that transaction is what makes a database locked by another writer show up here
// as ErrLocked, and means two sessions opening an old file at once cannot both apply the
// same step. The schema is first checked against the one its version was made with
// (checkSchema): a version lowered by another program must not re-run a step on tables
// that already have it.
func (s *Store) migrate(ctx context.Context) error {
	ms := migrations()
	return s.inTx(ctx, "bringing the schema up to date", func(tx *sql.Tx) error {
		var v int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		if v > len(ms) {
			return tooNewError(s.path, v, len(ms))
		}
		if v == len(ms) {
			return nil // inspect checked this schema; nothing to write
		}
		if err := checkSchema(ctx, tx, s.path, v); err != nil {
			return err
		}
		// A Go step brings rows written under an older schema forward; a file this
		// call is creating (from version 0) has none.
		fresh := v == 0
		for _, m := range ms[v:] {
			if err := applyMigration(ctx, tx, m, s.clock.Now(), !fresh); err != nil {
				return err
			}
		}
		return nil
	})
}

// applyMigration runs one step and records its version, in the caller's transaction.
func applyMigration(ctx context.Context, tx *sql.Tx, m migration, now time.Time, steps bool) error {
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if step := migrationSteps[m.version]; step != nil && steps {
		if err := step(ctx, tx, now); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if m.version == 1 {
		// Stamped with the first schema, in the same transaction, so a file carries
		// our application_id exactly when it holds our tables.
		if _, err := tx.ExecContext(ctx, "PRAGMA application_id = "+strconv.Itoa(applicationID)); err != nil {
			return err
		}
	}
	// PRAGMA takes no parameters; the version is our own integer.
	_, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version))
	return err
}

func tooNewError(path string, version, known int) *Error {
	return newError(ErrTooNew, path,
		"%s was written by a newer caseload (schema %d; this one knows up to %d): open it with the newer version",
		path, version, known)
}
