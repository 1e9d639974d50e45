package store

import (
	"caseload/internal/clock"
	"caseload/internal/domain"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	// The pure-Go SQLite driver, registered as "sqlite".
	_ "modernc.org/sqlite"
)

// DefaultBusyTimeout is how long a write waits for another session's write to finish
// before the store gives up with ErrLocked.
const DefaultBusyTimeout = 5 * time.Second

// Options tune Open. The zero value is right for the app.
type Options struct {
	BusyTimeout time.Duration // zero means DefaultBusyTimeout; tests use ~100ms
	// Clock is when the store says a change it makes of itself happened (a file
	// brought forward seals its rows at that moment); nil means the system clock.
	Clock clock.Clock
}

func (o Options) clock() clock.Clock {
	if o.Clock == nil {
		return clock.System{}
	}
	return o.Clock
}

func (o Options) busy() time.Duration {
	if o.BusyTimeout <= 0 {
		return DefaultBusyTimeout
	}
	return o.BusyTimeout
}

// Store is an open caseload database. It is safe for concurrent use: it holds a single
// connection, so store calls from many goroutines take turns.
type Store struct {
	db   *sql.DB
	path string
	busy time.Duration
	// current is set once the schema is this binary's: from then on every write
	// transaction watches the rows it changes (seal_watch.go).
	current bool
	clock   clock.Clock
	// schemaProblem is why the schema is not its version's, for a store opened by
	// OpenForVerify on such a file; Verify names it first.
	schemaProblem string
	// commits is who hears of this store's commits (OnCommit); shared by pointer.
	commits *commits
	// me is who a view (As) reads for; nil on the store Open returns, which is the
	// file's owner and reads everything.
	me *domain.Clinician
	// sound is the background check of the file's pages Open started, or nil when it
	// ran before Open returned (soundness.go); shared by the views.
	sound *soundness
}

// Path is the database file as the caller named it.
func (s *Store) Path() string { return s.path }

// Close closes the database. The last connection to close checkpoints the WAL into the
// main file, so a closed database is a single self-contained file again. Close on a
// view (As) does nothing: the database is its store's, which closes it.
func (s *Store) Close() error {
	if s.me != nil {
		return nil
	}
	s.stopCheck()
	return s.db.Close()
}

// Open opens an existing caseload database and brings its schema forward if it is older
// than this binary. A missing file, a file that is not a caseload database, a damaged
// one, one that is locked or newer than this binary is refused with an *Error naming the
// file, and the file is left exactly as it was.
//
// Opening costs the same whatever the size of the file: the full check of its pages
// (PRAGMA quick_check) runs in the background once Open returns, and every write waits
// for its verdict, so a damaged file is never written to (Sound, docs/HAZARDS.md H31).
// A file whose schema must be brought forward is checked first, since that writes.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	_, checked, err := inspect(ctx, path, opts.busy(), checkLater)
	if err != nil {
		return nil, err
	}
	s, err := open(ctx, path, opts.busy(), opts.clock())
	if err != nil {
		return nil, err
	}
	if !checked {
		s.sound = checkInBackground(path, opts.busy(), checkDelay)
	}
	return s, nil
}

// Create makes a new caseload database at path, which must not exist yet: the store
// never overwrites a file. The file is created 0600 (it holds clinical records),
// migrated to the current schema, and its audit chain starts with a "database.created"
// entry at now.
func Create(ctx context.Context, path string, now time.Time) (*Store, error) {
	return create(ctx, path, now, databaseCreated{SchemaVersion: len(migrations()), Nonce: nonce()})
}

// CreateDemo is Create for a database of fictional people (caseload demo): its first
// audit entry, written in the transaction that creates the file, says so, and IsDemo
// reads it. That is how caseload demo --force tells a database it may replace from one
// that may hold real records; a database is never marked afterwards.
func CreateDemo(ctx context.Context, path string, now time.Time) (*Store, error) {
	return create(ctx, path, now, databaseCreated{SchemaVersion: len(migrations()), Demo: true, Nonce: nonce()})
}

// databaseCreated is the audit detail of "database.created", the chain's first entry.
// Nonce makes that entry's hash, which names the database in checkpoints (ChainHead),
// differ between two databases made in the same second (a pinned clock, a script):
// without it their first entries would be the same bytes.
type databaseCreated struct {
	SchemaVersion int    `json:"schema_version"`
	Demo          bool   `json:"demo,omitempty"`
	Nonce         string `json:"nonce,omitempty"`
}

// nonce is 128 random bits in hex.
func nonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24)
	return hex.EncodeToString(b)
}

func create(ctx context.Context, path string, now time.Time, created databaseCreated) (_ *Store, err error) {
	// SQLite replays a -wal or hot -journal it finds beside a database, whatever file it
	// came from: one left over from a deleted database would pour that database's last
	// pages into the new one.
	for _, leftover := range []string{path + "-wal", path + "-journal"} {
		if exists(leftover) {
			return nil, newError(ErrExists, path,
				"%s is left over from an earlier database at %s: move it away (it may hold that database's last changes) and try again",
				leftover, path)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, newError(ErrExists, path,
			"%s already exists: caseload never overwrites a file; open it with --db %s or choose a new name", path, path)
	}
	if errors.Is(err, syscall.ENOSPC) {
		return nil, diskFullError(path)
	}
	if errors.Is(err, fs.ErrPermission) {
		return nil, newError(fs.ErrPermission, path,
			"cannot create %s: you may not write to the folder %s (permission denied): choose a folder of your own, or ask for write access",
			path, filepath.Dir(path))
	}
	if err != nil {
		return nil, newError(err, path, "cannot create %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, newError(err, path, "cannot create %s: %v", path, err)
	}
	// Only this call made the file, so on failure it is ours to remove, with the -wal and
	// -shm that opening it made (none was there: checked above, and a -shm without a
	// -wal holds nothing): a half-made database, or a -wal left beside no database,
	// would be refused by Open and block the retry (issue 12, finding 4).
	var s *Store
	defer func() {
		if err != nil {
			if s != nil {
				_ = s.Close()
			}
			for _, f := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
				_ = os.Remove(f)
			}
		}
	}()
	if s, err = open(ctx, path, DefaultBusyTimeout, clock.Fixed(now)); err != nil {
		return nil, err
	}
	err = s.inTx(ctx, "recording the new database", func(tx *sql.Tx) error {
		c, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		seals, err := allSeals(ctx, tx)
		if err != nil {
			return err
		}
		_, err = c.appendSealed(ctx, "caseload", now, "database.created", "database", 0, created, seals)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// IsDemo reports whether the database was made by CreateDemo (caseload demo), from its
// first audit entry; a database made by Create, or by a caseload older than the marker,
// is not one.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	var action, detail string
	err := s.db.QueryRowContext(ctx, "SELECT action, detail FROM audit WHERE id = 1").Scan(&action, &detail)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, normalise(err, s.path, s.busy, "reading how the database was made")
	}
	var created databaseCreated
	if action != "database.created" || json.Unmarshal([]byte(detail), &created) != nil {
		return false, nil
	}
	return created.Demo, nil
}

// open opens path read-write with the pragmas every connection needs and migrates it.
// The caller has already checked that the file is ours (inspect) or just created it.
func open(ctx context.Context, path string, busy time.Duration, clk clock.Clock) (*Store, error) {
	dsn, err := dsn(path, "mode=rw"+pragmas(busy)+"&_txlock=immediate")
	if err != nil {
		return nil, newError(err, path, "cannot open %s: %v", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, newError(err, path, "cannot open %s: %v", path, err)
	}
	// One connection: SQLite has one writer anyway, and a single connection means the
	// pragmas, the IMMEDIATE lock and the audit chain's tail are never split between
	// connections of this process.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, busy: busy, clock: clk}
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, normalise(err, path, busy, "opening "+path)
	}
	if err := s.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	s.current = true
	return s, nil
}

// pragmas are the settings every connection needs (docs/ARCHITECTURE.md, store), set on every connection through the DSN so a
// connection the pool reopens gets them too. busy is a number we format, never text.
func pragmas(busy time.Duration) string {
	return "&_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")" +
		"&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" + cacheSize
}

// cacheSize is every store connection's page cache: 16 MiB (SQLite's default is 2
// MiB), enough for a case's notes and the pages of the search indexes a search reads
// (the newest end of each word's list) to stay in memory between reads. It was 64 MiB
// while search walked every posting of its words, which filled it; a cache that size
// is most of the memory of an app whose screens read only what they show
// (docs/PERFORMANCE.md, issue 17). The operating system's file cache keeps the rest of
// the file close.
const cacheSize = "&_pragma=cache_size(-16384)"

// dsn builds a file: URI for path with the given query. The path is the only text from
// outside that ever reaches a DSN, and it is made absolute and percent-escaped, so a
// name holding a space, '?', '#' or '%' names that file and cannot add parameters
// (the driver splits the DSN at the first '?', and _pragma values run as SQL).
func dsn(path, query string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows volume: file:/C:/...
	}
	return "file:" + (&url.URL{Path: p}).EscapedPath() + "?" + query, nil
}
