package store

import (
	"context"
	"database/sql"
	"strings"

	"caseload/internal/domain"
)

// The headless lists stream: `referrals list` reads one referral at a time and writes
// it before reading the next, so its memory stays flat whatever the number of rows
// (docs/PERFORMANCE.md, "Issue 17: streaming headless lists"). The two reads below
// split the queue where its order splits: the clocks still running, then the stopped
// ones, newest received first. domain.QueueOrderer puts the running ones in order.

// referralFrom ends referralSelect; eachReferralSelect adds, before it, when the
// screening was entered (what ScreeningsEntered gives as a map), so that no map of every
// screening is held beside the stream.
const referralFrom = "FROM referrals r JOIN people p ON p.id = r.person_id"

var eachReferralSelect = strings.TrimSuffix(referralSelect, referralFrom) +
	`, ifnull((SELECT ifnull((SELECT a.at FROM audit a
		WHERE a.entity = 'referral' AND a.entity_id = s.referral_id AND a.action = 'referral.screened'
		ORDER BY a.id DESC LIMIT 1), s.decided_at) FROM screenings s WHERE s.referral_id = r.id), '')
	` + referralFrom

// running is the condition of a referral whose screening clock still runs
// (domain.Referral.Clock): not screened and not closed unscreened.
const running = "r.screened_at IS NULL AND r.status = 'received'"

// EachRunningReferral calls fn with every referral whose screening clock still runs,
// oldest received first (ties by id), with ScreeningEnteredAt set, and stops at fn's
// first error, which it returns. The rows fn has had stay had: a read that fails part
// way (the disk failing under an open file) returns the store's sentence after them.
func (s *Store) EachRunningReferral(ctx context.Context, fn func(domain.Referral) error) error {
	return s.eachReferral(ctx, " WHERE "+running+" AND r.imported = 0 ORDER BY r.received_at, r.id", fn)
}

// EachStoppedReferral is EachRunningReferral for the referrals whose clock has stopped
// (screened, or closed before anyone screened them), newest received first, ties by
// id: the order they follow the running ones in the queue (domain.QueueOrder).
func (s *Store) EachStoppedReferral(ctx context.Context, fn func(domain.Referral) error) error {
	return s.eachReferral(ctx, " WHERE NOT ("+running+") AND r.imported = 0 ORDER BY +r.received_at DESC, r.id", fn)
}

func (s *Store) eachReferral(ctx context.Context, tail string, fn func(domain.Referral) error) error {
	if err := s.reader("list the referrals"); err != nil {
		return err
	}
	const what = "reading the referrals"
	rows, err := s.db.QueryContext(ctx, eachReferralSelect+tail)
	if err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var entered string
	scan := enteredScanner{rows, &entered}
	for rows.Next() {
		r, err := s.scanReferral(scan)
		if err != nil {
			return err
		}
		if entered != "" {
			if r.ScreeningEnteredAt, err = parseTime(entered); err != nil {
				return newError(ErrCorrupt, s.path, "the screening of referral %d in %s has a bad entry time %q", r.ID, s.path, entered)
			}
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return normalise(err, s.path, s.busy, what)
	}
	return nil
}

// enteredScanner scans a row of eachReferralSelect: scanReferral's columns, then the
// screening's entry time into entered.
type enteredScanner struct {
	rows    *sql.Rows
	entered *string
}

func (e enteredScanner) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.entered)...) }

// ShrinkCache makes the page cache small and gives back what it holds, for a read that
// passes over every page once (a streamed list): a large cache would only keep the
// whole file in memory behind the read, and a list's memory should not grow with it.
func (s *Store) ShrinkCache(ctx context.Context) error {
	for _, pragma := range []string{"PRAGMA cache_size = -2048", "PRAGMA shrink_memory"} {
		if _, err := s.db.ExecContext(ctx, pragma); err != nil {
			return normalise(err, s.path, s.busy, "making the page cache small")
		}
	}
	return nil
}
