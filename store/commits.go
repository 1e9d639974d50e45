package store

import (
	"context"
	"database/sql"
	"sync"
)

// commits tells whoever asked that this process committed a change. In team mode one
// process holds the file for every session (caseload serve), and SQLite's data_version
// does not move for a connection's own commits: the server learns of a colleague's
// change here instead, and pushes it to every other session at once.
type commits struct {
	mu  sync.Mutex
	fns []func()
}

// OnCommit calls fn after every change this store commits, from the goroutine that
// committed it. fn must return at once (hand the news to a goroutine of its own): the
// writer waits for it. Call it before the store is shared.
func (s *Store) OnCommit(fn func()) {
	if s.commits == nil {
		s.commits = &commits{}
	}
	s.commits.mu.Lock()
	defer s.commits.mu.Unlock()
	s.commits.fns = append(s.commits.fns, fn)
}

func (c *commits) committed() {
	if c == nil {
		return
	}
	c.mu.Lock()
	fns := c.fns
	c.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

func lastAuditID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) FROM audit").Scan(&id)
	return id, err
}

// recordsWritten is whether the transaction changed a record, not only the audit: an
// entry that says a referral was viewed or a session began changes nothing anyone's
// screen shows, and must not make every session reload. Every changed row is sealed in
// its entry's "rows" (seal_watch.go), so an entry with seals is a change.
func recordsWritten(ctx context.Context, tx *sql.Tx, after int64) (bool, error) {
	var wrote bool
	err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM audit WHERE id > ? AND json_type(detail, '$.rows') IS NOT NULL)",
		after).Scan(&wrote)
	return wrote, err
}
