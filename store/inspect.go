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
// this binary's migrations, and pass PRAGMA quick_check (unless deferred: see
// checkReadOnly). Everything here reads: the
// connection is mode=ro with no journal_mode pragma (setting WAL writes the header),
// and it is closed before Open opens the file read-write.
//
// It returns the file's schema version (PRAGMA user_version) when the file may be
// opened, and whether quick_check ran.
func inspect(ctx context.Context, path string, busy time.Duration, check checkWhen) (version int, checked bool, err error) {
	version, err = inspectFile(ctx, path, busy, check)
	if err != nil {
		return 0, false, err
	}
	checked = check == checkFirst || version < len(migrations())
	// Clinical records readable by any account on the machine: said once the file is
	// known to be ours, so another application's file is still called that. Group
	// access is how the team's accounts share the file until caseload serve owns it
	// alone, so only "others" is refused (docs/HAZARDS.md, H9).
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o007 != 0 {
		return 0, false, newError(ErrExposed, path,
			"%s can be read or changed by every account on this computer (mode %04o), and it holds clinical records: "+
				"make it private with chmod o-rwx %s, then try again", path, fi.Mode().Perm(), path)
	}
	return version, checked, nil
}

// checkWhen says when the full page check (quick_check) runs: before the file is
// opened, or, for the app's Open, after it in the background, unless the schema must be
// brought forward (a write), when it runs first all the same.
type checkWhen int

const (
	checkFirst checkWhen = iota
	checkLater
)

// inspectFile is inspect's checks of what the file is.
func inspectFile(ctx context.Context, path string, busy time.Duration, check checkWhen) (version int, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, newError(ErrNoDatabase, path,
			"%s does not exist: create it with caseload init --db %s (or caseload demo --db %s for fictional data)",
			path, path, path)
	case err != nil:
		return 0, cannotRead(path, err)
	case fi.IsDir():
		return 0, newError(ErrNotCaseload, path, "%s is a folder, not a caseload database: name the database file", path)
	case !fi.Mode().IsRegular():
		return 0, newError(ErrNotCaseload, path, "%s is not a regular file, so not a caseload database", path)
	case fi.Size() == 0:
		return 0, newError(ErrNotCaseload, path,
			"%s is an empty file, not a caseload database: to start one there, remove it and run caseload init --db %s",
			path, path)
	}
	header, err := readHeader(path)
	if err != nil {
		return 0, cannotRead(path, err)
	}
	if !strings.HasPrefix(string(header), sqliteMagic) {
		return 0, newError(ErrNotCaseload, path,
			"%s is not a caseload database (it is not an SQLite file at all): check the path", path)
	}
	if !isWAL(header) {
		// A rollback-journal file (another application's, or damage): an ordinary
		// read-only connection takes SQLite's own shared lock and leaves nothing behind.
		return checkFile(ctx, path, busy, false, check)
	}
	// A read that overlapped another process's checkpoint is read again, through the
	// WAL, which that process left behind (see checkWAL); a third try is never needed
	// in practice but bounds the loop.
	for try := 1; ; try++ {
		again, version, err := checkWAL(ctx, path, busy, check)
		if !again || try == 3 {
			return version, err
		}
	}
}

// errNoSharedLock is trySharedLock on a system without open file description locks.
var errNoSharedLock = errors.New("no shared lock on this system")

// checkWAL checks a WAL database: ours always are. again is true when the answer is a
// refusal that a writer in another process may have caused, so it must be asked again.
//
// Even a read-only connection creates -wal and -shm files beside a WAL database and
// cannot remove them on close, so checking a file that is then refused (too new,
// damaged) through one would leave two files beside it. When there is no -wal, the main
// file holds every committed change and can be read as immutable (no locks, no WAL),
// which leaves nothing behind; but "immutable" is a promise that nobody writes the file,
// and another process can: closing its connection last, it copies its WAL into the main
// file (a checkpoint) and removes the WAL. Read in the middle of that, a sound file looks
// damaged (issue 10, finding 8: 2% of opens beside a loop of clinicians add). So the
// immutable read is done holding SQLite's SHARED lock (trySharedLock): with it held,
// nobody can take the EXCLUSIVE lock that the checkpoint on close and the removal of
// the WAL need. A checkpoint without EXCLUSIVE (when a WAL reaches 1,000 pages) is
// still possible, but only from a -wal file, which nobody can then remove: a refusal
// read while no -wal appeared is the file's own; one read while a -wal appeared is
// asked again through the WAL.
//
// With a -wal present (a session has the file open, or one ended without
// checkpointing) the WAL must be read, through an ordinary connection with SQLite's own
// locks, which is always right; it adds a -shm if none is there, beside a file that is
// in use anyway. Where there are no open file description locks (outside Linux, or a
// file system without them) every WAL file is read that way: never a false "damaged",
// at the cost of an empty -wal and a -shm left beside a refused file.
func checkWAL(ctx context.Context, path string, busy time.Duration, check checkWhen) (again bool, version int, err error) {
	release, err := sharedLock(ctx, path, busy)
	if errors.Is(err, errNoSharedLock) {
		version, err = checkFile(ctx, path, busy, false, check)
		return false, version, err
	}
	if err != nil {
		return false, 0, err
	}
	defer release()
	if exists(path + "-wal") {
		version, err = checkFile(ctx, path, busy, false, check)
		return false, version, err
	}
	version, err = checkFile(ctx, path, busy, true, check)
	return err != nil && exists(path+"-wal"), version, err
}

// sharedLock waits up to busy for SQLite's SHARED lock on path (trySharedLock), which
// another connection's EXCLUSIVE holds off only while it checkpoints and closes.
func sharedLock(ctx context.Context, path string, busy time.Duration) (release func(), err error) {
	timeout := time.NewTimer(busy)
	defer timeout.Stop()
	retry := time.NewTicker(2 * time.Millisecond)
	defer retry.Stop()
	for {
		release, ok, err := trySharedLock(path)
		switch {
		case errors.Is(err, errNoSharedLock):
			return nil, err
		case err != nil:
			return nil, newError(err, path, "cannot read %s: %v", path, err)
		case ok:
			return release, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-timeout.C:
			return nil, lockedError(path, busy)
		case <-retry.C:
		}
	}
}

// checkFile runs the checks through a read-only connection, as immutable (no locks, no
// WAL: the caller holds the lock that makes that safe) or not.
func checkFile(ctx context.Context, path string, busy time.Duration, immutable bool, check checkWhen) (version int, err error) {
	q := "mode=ro&_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")"
	if immutable {
		q += "&immutable=1"
	}
	dsn, err := dsn(path, q)
	if err != nil {
		return 0, newError(err, path, "cannot open %s: %v", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return 0, newError(err, path, "cannot open %s: %v", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return checkReadOnly(ctx, db, path, busy, check)
}

// checkReadOnly runs the checks on the read-only connection, cheapest first. Each
// costs the same whatever the size of the file except quick_check, which reads every
// page (about 1.3 ms a megabyte): with checkLater it is left to the background check
// Open starts (soundness.go), unless the schema is to be brought forward, which writes.
func checkReadOnly(ctx context.Context, db *sql.DB, path string, busy time.Duration, check checkWhen) (int, error) {
	readErr := func(err error) error {
		// These statements read only the header and the schema, so a plain SQL error
		// here ("parse error in tokenize directive", "no such column" in a CHECK) is
		// the schema's own text damaged, not a mistake of ours.
		if c := sqliteCode(err); c == sqlite3.SQLITE_NOTADB || c&0xff == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_ERROR {
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
		return 0, readErr(err)
	}
	if appID != applicationID {
		if tables > 0 {
			return 0, newError(ErrNotCaseload, path,
				"%s is not a caseload database (it belongs to another application): check the path", path)
		}
		return 0, newError(ErrNotCaseload, path,
			"%s is an empty SQLite database, not a caseload database: to start one there, remove it and run caseload init --db %s",
			path, path)
	}
	if known := len(migrations()); version > known {
		return 0, tooNewError(path, version, known)
	}
	if check == checkFirst || version < len(migrations()) {
		// quick_check reads every page (not the index contents, which integrity_check
		// in Verify does), so damage is found now rather than in the middle of
		// someone's work.
		var first string
		if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&first); err != nil {
			return 0, readErr(err)
		}
		if first != "ok" {
			return 0, newError(ErrCorrupt, path, "%s is damaged (%s): restore it from a backup", path, first)
		}
	}
	if err := checkSchema(ctx, db, path, version); err != nil {
		return 0, readErr(err)
	}
	return version, nil
}

// cannotRead is the sentence for a file the operating system will not let us read: most
// often its permissions, which only its owner (or the administrator) can change.
func cannotRead(path string, err error) *Error {
	if errors.Is(err, fs.ErrPermission) {
		return newError(fs.ErrPermission, path,
			"you may not read %s (permission denied): ask whoever looks after it to give your account access to the file and its folder",
			path)
	}
	return newError(err, path, "cannot read %s: %v", path, err)
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
