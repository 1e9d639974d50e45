package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"sync"
	"time"
)

// soundness is the verdict of the file's full page check (PRAGMA quick_check), run in
// the background after Open so that opening costs the same whatever the size of the
// file (docs/PERFORMANCE.md, "Opening in constant time"). Until the verdict is in,
// every write waits for it; a file found damaged is never written to, and every write
// is refused with the same sentence Open used to give (docs/HAZARDS.md, H31).
type soundness struct {
	done   chan struct{} // closed when err is set
	err    error
	cancel context.CancelFunc
	// now starts the check at once rather than after checkDelay: a write is waiting.
	now  chan struct{}
	once sync.Once
}

// checkInBackground starts the full page check of path on its own read-only
// connection. Its page cache is small: it reads every page once, and a large cache
// would only hold the whole file in memory after it. SQLite's WAL lets it read beside
// this session's writes (it sees the file as it was when it began) and never blocks
// them; the writes wait for the verdict instead (waitSound).
//
// It begins checkDelay after Open, or at once when a write needs its verdict: the first
// frame's reads then have both cores and the disk to themselves (on a two-core server,
// reading a gigabyte file beside them doubled the first frame, docs/PERFORMANCE.md).
func checkInBackground(path string, busy, delay time.Duration) *soundness {
	ctx, cancel := context.WithCancel(context.Background())
	s := &soundness{done: make(chan struct{}), cancel: cancel, now: make(chan struct{})}
	go func() {
		defer close(s.done)
		wait := time.NewTimer(delay)
		defer wait.Stop()
		select {
		case <-wait.C:
		case <-s.now:
		case <-ctx.Done():
			s.err = errCheckStopped
			return
		}
		s.err = quickCheck(ctx, path, busy)
	}()
	return s
}

// quickCheck runs PRAGMA quick_check on path through a read-only connection.
func quickCheck(ctx context.Context, path string, busy time.Duration) error {
	dsn, err := dsn(path, "mode=ro&_pragma=busy_timeout("+strconv.FormatInt(busy.Milliseconds(), 10)+")&_pragma=cache_size(-2048)")
	if err != nil {
		return newError(err, path, "cannot open %s: %v", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return newError(err, path, "cannot open %s: %v", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var first string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&first); err != nil {
		if ctx.Err() != nil {
			return errCheckStopped
		}
		return normalise(err, path, busy, "checking "+path)
	}
	if first != "ok" {
		return newError(ErrCorrupt, path, "%s is damaged (%s): restore it from a backup", path, first)
	}
	return nil
}

// checkDelay is how long after Open the full check waits for a write to need it before
// it starts anyway: longer than a first frame takes on a big file (about 40 ms), short
// enough that a damaged file is said within a second of opening.
const checkDelay = 300 * time.Millisecond

// begin starts the check now if it is still waiting for checkDelay.
func (s *soundness) begin() { s.once.Do(func() { close(s.now) }) }

// errCheckStopped is a check stopped by Close before it finished: no verdict, and
// nothing can write any more anyway.
var errCheckStopped = errors.New("the check of the file was stopped: the database is closing")

// waitSound starts the background check if it has not begun, waits for its verdict (at
// once when there is none, or it is in) and returns it: nil when the file passed.
func (s *Store) waitSound(ctx context.Context) error {
	if s.sound == nil {
		return nil
	}
	s.sound.begin()
	return s.verdict(ctx)
}

// verdict waits for the background check's verdict without hurrying it.
func (s *Store) verdict(ctx context.Context) error {
	if s.sound == nil {
		return nil
	}
	select {
	case <-s.sound.done:
		return s.sound.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Sound waits for the full check of the file that Open started in the background and
// returns its verdict: nil when every page is sound (or the check ran before Open
// returned), an *Error of kind ErrCorrupt naming the file when it is damaged. It does not
// hurry the check (which starts checkDelay after Open, or at the first write): the app
// asks as it starts, to tell the clinician within a second rather than at their next
// save, without its first frame's reads sharing the machine with the check. Every
// write waits for the verdict before it begins.
func (s *Store) Sound(ctx context.Context) error { return s.verdict(ctx) }

// stopCheck stops a background check still running and waits for it, so Close leaves
// no connection open on the file.
func (s *Store) stopCheck() {
	if s.sound == nil {
		return
	}
	s.sound.cancel()
	<-s.sound.done
}
