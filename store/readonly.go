package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strconv"

	"modernc.org/sqlite"
)

// ErrOldSchema is a database older than this binary opened to read only: bringing it
// forward would write, so it is left for a session that may write to do.
var ErrOldSchema = errors.New("database schema is older than this caseload")

// OpenReadOnly opens an existing caseload database to read one snapshot of it, for the
// commands that only read (referrals list, cases list, search, verify). It never takes
// or waits for the write lock: a colleague mid-way through a long write does not hold
// it up, and it sees the file as it was when it opened, every read of it agreeing with
// every other, until Close. Anything that would write is refused with ErrReadOnly.
//
// The file is checked as Open checks it, and refused in the same words, leaving it
// untouched. A database whose schema is older than this binary is refused with
// ErrOldSchema (bringing it forward is a write). A file that opens leaves an empty
// -wal and a -shm beside it when nobody else had it open: a read-only connection
// cannot remove them; the next session that writes does, and they hold nothing.
func OpenReadOnly(ctx context.Context, path string, opts Options) (*Store, error) {
	return openReadOnly(ctx, path, opts, false)
}

// OpenForVerify is OpenReadOnly for caseload verify, which must read a file whose
// schema another program changed (a guard trigger dropped, user_version lowered) in
// order to say what else was changed: the schema's mismatch becomes the first problem
// of its report rather than a refusal. Every other pre-open check still refuses.
func OpenForVerify(ctx context.Context, path string, opts Options) (*Store, error) {
	return openReadOnly(ctx, path, opts, true)
}

func openReadOnly(ctx context.Context, path string, opts Options, forVerify bool) (*Store, error) {
	busy := opts.busy()
	version, _, err := inspect(ctx, path, busy, checkFirst)
	var schema *Error
	if forVerify && errors.Is(err, ErrSchemaChanged) && errors.As(err, &schema) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	if known := len(migrations()); version < known && schema == nil {
		return nil, oldSchemaError(path, version, known)
	}
	dsn, err := dsn(path, "mode=ro&_pragma=busy_timeout("+strconv.FormatInt(busy.Milliseconds(), 10)+")"+
		"&_pragma=foreign_keys(1)"+cacheSize)
	if err != nil {
		return nil, newError(err, path, "cannot open %s: %v", path, err)
	}
	db := sql.OpenDB(snapshotConnector{dsn: dsn, path: path})
	// One connection, kept for the Store's life: the snapshot is its open transaction.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: path, busy: busy}
	if schema != nil {
		s.schemaProblem = schema.Msg
	}
	// Checked again in the snapshot: another session may have brought it forward since.
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		_ = db.Close()
		return nil, normalise(err, path, busy, "opening "+path)
	}
	switch known := len(migrations()); {
	case version > known:
		_ = db.Close()
		return nil, tooNewError(path, version, known)
	case version < known && schema == nil:
		_ = db.Close()
		return nil, oldSchemaError(path, version, known)
	}
	return s, nil
}

func oldSchemaError(path string, version, known int) *Error {
	return newError(ErrOldSchema, path,
		"%s was last opened by an older caseload (schema %d; this one uses %d): open it once with caseload --db %s, which brings it up to date, then try again",
		path, version, known, path)
}

// snapshotDriver is the SQLite driver for read-only stores; the zero Driver is ready to
// use, and one of our own leaves the driver registered as "sqlite" as it is.
var snapshotDriver = &sqlite.Driver{}

// snapshotConnector makes connections that begin a read transaction as they open and
// keep it until they close.
type snapshotConnector struct{ dsn, path string }

func (c snapshotConnector) Driver() driver.Driver { return snapshotDriver }

func (c snapshotConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := snapshotDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	conn, ok := dc.(sqliteConn)
	if !ok {
		_ = dc.Close()
		return nil, newError(ErrReadOnly, c.path, "cannot read %s: the SQLite driver lacks what a read-only open needs", c.path)
	}
	// BEGIN is deferred: the snapshot is taken by the first read, which is made here.
	if _, err := conn.ExecContext(ctx, "BEGIN", nil); err != nil {
		_ = conn.Close()
		return nil, err
	}
	rows, err := conn.QueryContext(ctx, "SELECT count(*) FROM sqlite_schema", nil)
	if err == nil {
		err = rows.Next(make([]driver.Value, 1))
		if errors.Is(err, io.EOF) {
			err = nil
		}
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	return snapshotConn{sqliteConn: conn, path: c.path}, nil
}

// sqliteConn is what database/sql uses of the driver's connection.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// snapshotConn is a connection inside its snapshot. The store's reads that take a read
// transaction of their own (Verify, Search, ...) are already inside one, so theirs
// begins nothing; a transaction to write is refused before it starts.
type snapshotConn struct {
	sqliteConn
	path string
}

func (c snapshotConn) BeginTx(_ context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if !opts.ReadOnly {
		return nil, newError(ErrReadOnly, c.path, "%s is open to read only here: nothing was changed", c.path)
	}
	return snapshotTx{}, nil
}

func (c snapshotConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// snapshotTx is a read transaction within the snapshot: ending it ends nothing.
type snapshotTx struct{}

func (snapshotTx) Commit() error   { return nil }
func (snapshotTx) Rollback() error { return nil }
