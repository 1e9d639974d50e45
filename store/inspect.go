package store

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// inspect decides whether path may be opened for writing, without changing it: the
// file must exist, be an SQLite database carrying our application_id, be no newer than
// this binary's migrations, and pass PRAGMA quick_check. Everything here reads: the
// connection is mode=ro with no journal_mode pragma (setting WAL writes the header),
// and it is closed before Open opens the file read-write.
func inspect(ctx context.Context, path string, busy time.Duration) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newError(ErrNoDatabase, path,
			"%s does not exist: create it with caseload init --db %s (or caseload demo --db %s for fictional data)",
			path, path, path)
	case err != nil:
		return newError(err, path, "cannot read %s: %v", path, err)
	case fi.IsDir():
		return newError(ErrNotCaseload, path, "%s is a folder, not a caseload database: name the database file", path)
	case !fi.Mode().IsRegular():
		return newError(ErrNotCaseload, path, "%s is not a regular file, so not a caseload database", path)
	case fi.Size() == 0:
		return newError(ErrNotCaseload, path,
			"%s is an empty file, not a caseload database: to start one there, remove it and run caseload init --db %s",
			path, path)
	}
	header, err := readHeader(path)
	if err != nil {
		return newError(err, path, "cannot read %s: %v", path, err)
	}
	if !strings.HasPrefix(string(header), sqliteMagic) {
		return newError(ErrNotCaseload, path,
			"%s is not a caseload database (it is not an SQLite file at all): check the path", path)
	}

	q := "mode=ro&_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")"
	// Even a read-only connection creates -wal and -shm files beside a WAL database and
	// cannot remove them on close. When there is no -wal file, the main file holds every
	// committed change, so reading it as immutable (no locks, no WAL) sees the whole
	// database and leaves nothing behind. With a -wal file present (another session is
	// using it, or one ended without checkpointing) the WAL must be read, through
	// ordinary shared locks.
	if isWAL(header) && !exists(path+"-wal") {
		q += "&immutable=1"
	}
	dsn, err := dsn(path, q)
	if err != nil {
		return newError(err, path, "cannot open %s: %v", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return newError(err, path, "cannot open %s: %v", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return checkReadOnly(ctx, db, path, busy)
}

// checkReadOnly runs the checks on the read-only connection, cheapest first.
func checkReadOnly(ctx context.Context, db *sql.DB, path string, busy time.Duration) error {
	readErr := func(err error) error {
		if c := sqliteCode(err); c == sqlite3.SQLITE_NOTADB || c&0xff == sqlite3.SQLITE_CORRUPT {
			// The file starts like SQLite (checked above), so this is damage, not a
			// stranger's file.
			return newError(ErrCorrupt, path, "%s is damaged (%v): restore it from a backup", path, err)
		}
		return normalise(err, path, busy, "reading "+path)
	}
	var appID, version, tables int
	err := db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&appID, &version, &tables)
	if err != nil {
		return readErr(err)
	}
	if appID != applicationID {
		if tables > 0 {
			return newError(ErrNotCaseload, path,
				"%s is not a caseload database (it belongs to another application): check the path", path)
		}
		return newError(ErrNotCaseload, path,
			"%s is an empty SQLite database, not a caseload database: to start one there, remove it and run caseload init --db %s",
			path, path)
	}
	if known := len(migrations()); version > known {
		return tooNewError(path, version, known)
	}
	// quick_check reads every page (not the index contents, which integrity_check in
	// Verify does), so damage is found now rather than in the middle of someone's work.
	var first string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&first); err != nil {
		return readErr(err)
	}
	if first != "ok" {
		return newError(ErrCorrupt, path, "%s is damaged (%s): restore it from a backup", path, first)
	}
	return nil
}

// readHeader returns the first 100 bytes, the SQLite database header (fewer if the
// file is shorter).
func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, 100)
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return b[:n], nil
}

// isWAL reports whether the header's read and write versions (bytes 18, 19) say WAL.
func isWAL(h []byte) bool { return len(h) >= 20 && h[18] == 2 && h[19] == 2 }

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
