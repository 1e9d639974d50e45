package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The kinds of failure the store reports. Callers branch on them with errors.Is; the
// sentence to show a person is the error's message.
var (
	ErrNotFound    = errors.New("not found")
	ErrConflict    = errors.New("conflicts with what is already recorded")
	ErrLocked      = errors.New("locked by another writer")
	ErrCorrupt     = errors.New("database is damaged")
	ErrNotCaseload = errors.New("not a caseload database")
	ErrTooNew      = errors.New("database is newer than this caseload")
	ErrNoDatabase  = errors.New("no database at this path")
	ErrExists      = errors.New("file already exists")
	// ErrInvalid is a value the schema cannot hold (a source code that does not exist,
	// an impossible date); the domain parsers should have stopped it earlier.
	ErrInvalid = errors.New("invalid value")
	// ErrReadOnly is a database this process may read but not write.
	ErrReadOnly = errors.New("database is read-only")
	// ErrExposed is a database every account on the computer may read or write.
	ErrExposed = errors.New("database is open to every account")
	// ErrDiskFull is a write that found no room on the disk (or under the process's
	// file-size limit); the transaction was rolled back.
	ErrDiskFull = errors.New("disk is full")
	// ErrSchemaChanged is a database whose tables, indexes or triggers are not those
	// its schema version was made with: another program changed them.
	ErrSchemaChanged = errors.New("schema does not match its version")
	// ErrForbidden is a change or a read the person's access does not allow
	// (docs/RULES.md, "Roles"): an admin opening a record, a clinician managing the
	// team. Nothing was read or written.
	ErrForbidden = errors.New("not allowed for this access")
)

// Error is every failure the store returns: Kind is one of the sentinels above (or, for
// an operating-system failure that fits none of them, the underlying error), Path the
// database file, and Msg one complete sentence for a person. Cause, when set, is the
// domain's error for a change the service's rules refused (domain.ErrTransition, ...),
// so callers can branch on the rule as well as on the kind.
type Error struct {
	Kind  error
	Path  string
	Msg   string
	Cause error
}

// Error returns the sentence alone: it already names the file where that matters.
func (e *Error) Error() string {
	if e.Msg == "" && e.Kind != nil {
		return e.Kind.Error()
	}
	return e.Msg
}

// Unwrap returns Kind and Cause so that errors.Is(err, store.ErrLocked) and
// errors.Is(err, domain.ErrTransition) both work.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// newError builds an *Error whose message is always one line, whatever SQLite's own
// text (quick_check reports span lines) brings into it.
func newError(kind error, path, format string, args ...any) *Error {
	return &Error{Kind: kind, Path: path, Msg: oneLine.Replace(fmt.Sprintf(format, args...))}
}

var oneLine = strings.NewReplacer("*** in database main ***\n", "", "\r\n", " ", "\n", " ", "\r", " ")

// ReferralError names the referral of a batch that stopped it (Index, 0-based) and,
// when known, its field by the column name of domain.ReferralFields.
type ReferralError struct {
	Index int
	Field string
	Err   error
	// single is set by AddReferral, where "referral 1" would only be noise.
	single bool
}

func (e *ReferralError) Error() string {
	if e.single {
		return e.Err.Error()
	}
	return fmt.Sprintf("referral %d: %s", e.Index+1, e.Err)
}

// Unwrap returns the cause, so errors.Is(err, store.ErrConflict) sees through it.
func (e *ReferralError) Unwrap() error { return e.Err }

// sqliteCode is the extended result code of a driver error, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// normalise turns a driver error into an *Error at the store's edge, so nothing above
// the store has to know SQLite's codes. Errors that are already *Error, and context
// cancellation, pass through untouched. what says what was being done, for the
// sentences that need it ("adding a referral").
func normalise(err error, path string, busy time.Duration, what string) error {
	var se *Error
	if err == nil || errors.As(err, &se) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return newError(ErrNotFound, path, "%s: not found", what)
	}
	switch code := sqliteCode(err); code & 0xff {
	case sqlite3.SQLITE_BUSY:
		return lockedError(path, busy)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return newError(ErrCorrupt, path, "%s is damaged (%v): restore it from a backup", path, err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN:
		return readOnlyError(path, code)
	case sqlite3.SQLITE_CONSTRAINT:
		if code == sqlite3.SQLITE_CONSTRAINT_CHECK {
			return newError(ErrInvalid, path, "%s: a value is not allowed (%v)", what, err)
		}
		return newError(ErrConflict, path, "%s: it conflicts with what is already recorded (%v)", what, err)
	case sqlite3.SQLITE_FULL:
		return diskFullError(path)
	case sqlite3.SQLITE_IOERR:
		return ioError(err, path, code)
	}
	return newError(err, path, "%s in %s: %v", what, path, err)
}

// diskFullError is the one sentence for a write that found no room: every write is one
// transaction, rolled back when a page cannot be written, so nothing of it was kept.
func diskFullError(path string) *Error {
	return newError(ErrDiskFull, path, "the disk holding %s is full: nothing was written", path)
}

// ioError says what an I/O error while writing means. SQLite reports a full disk as
// SQLITE_FULL only when write(2) says ENOSPC in so many words; growing the -shm file, a
// write refused with EFBIG (the file-size limit) or EDQUOT, and a failed ftruncate come
// back as SQLITE_IOERR_SHMSIZE, _WRITE or _TRUNCATE (the "disk I/O error (4874)" of
// issue 12, finding 5). The driver does not pass errno on, so whether the disk is full
// is asked of the disk itself (noRoom); any other I/O error is a failing disk.
func ioError(err error, path string, code int) *Error {
	switch code {
	case sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_SHMSIZE, sqlite3.SQLITE_IOERR_TRUNCATE:
		if noRoom(path) {
			return diskFullError(path)
		}
	}
	return newError(err, path,
		"the disk holding %s failed to read or write (%v): nothing was written; check the disk, then run caseload verify --db %s",
		path, err, path)
}

// readOnlyError names what cannot be written: the folder (SQLite must make FILE-wal and
// FILE-shm beside the database, even to read it) or the file itself.
func readOnlyError(path string, code int) *Error {
	dir := filepath.Dir(path)
	if code == sqlite3.SQLITE_READONLY_DIRECTORY || !writable(dir) {
		return newError(ErrReadOnly, path,
			"the folder %s is read-only for you, and caseload must make %s-wal and %s-shm beside the database, even to read it: "+
				"nothing was written; ask for write access to the folder, or copy the file to one you may write to", dir, path, path)
	}
	return newError(ErrReadOnly, path,
		"%s is read-only for you (you may read it but not change it): nothing was written; ask for write access to the file", path)
}

func lockedError(path string, busy time.Duration) *Error {
	return newError(ErrLocked, path,
		"%s is locked by another caseload (waited %s): try again when the other session has finished", path, busy)
}
