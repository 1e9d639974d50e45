package store

import (
	"context"
	"database/sql"
	"time"

	"caseload/internal/domain"
)

// agendaScreenRead is how many running screening clocks the agenda reads in full, the
// most urgent first: more than the home screen shows of a team's.
const agendaScreenRead = 20

// toScreen is the referrals whose clock runs, through their partial index (0020):
// INDEXED BY because the planner would rather take the status index and sort.
const toScreen = ` FROM referrals INDEXED BY referrals_to_screen WHERE screened_at IS NULL AND status = 'received'`

// screeningFacts reads the agenda's screening section: the agendaScreenRead most urgent
// running clocks in full, how many clocks run, and how many of them are overdue at now.
//
// Deadlines follow receipt, but not exactly in order: under 2 working days a referral
// received on Saturday is due before one received on Friday. So the most urgent are
// found among those received up to the rule's spread after the agendaScreenRead-th
// longest waiting, and overdue clocks are counted as those received before now less
// the longest spread (certainly overdue) plus those, received within the spread, whose
// own deadline has passed. Either way only a few days' referrals are read one by one.
func (s *Store) screeningFacts(ctx context.Context, tx *sql.Tx, now time.Time, f *domain.AgendaFacts) error {
	var setting string
	err := tx.QueryRowContext(ctx, "SELECT ifnull((SELECT value FROM settings WHERE key = 'screening-deadline'), '')").Scan(&setting)
	if err != nil {
		return err
	}
	rule := domain.DeadlineRule(setting)
	shortest, longest := rule.Spread()
	sure := formatTime(now.Add(-longest))
	if err := tx.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE received_at < ?)"+toScreen, sure).
		Scan(&f.UnscreenedTotal, &f.UnscreenedOverdue); err != nil {
		return err
	}
	// Those that may be overdue: their own deadline decides.
	maybe, err := receivedBetween(ctx, tx, sure, formatTime(now.Add(-shortest)), -1)
	if err != nil {
		return err
	}
	for _, at := range maybe {
		if rule.Due(at.received).Before(now) {
			f.UnscreenedOverdue++
		}
	}
	// The candidates for the most urgent: the longest waiting, and any received within
	// the spread after the last of them.
	first, err := receivedBetween(ctx, tx, "", "", agendaScreenRead)
	if err != nil || len(first) < agendaScreenRead {
		if err == nil {
			f.Unscreened, err = s.referralsIn(ctx, tx, len(first), " WHERE r.screened_at IS NULL AND r.status = 'received' ORDER BY r.received_at, r.id")
		}
		return err
	}
	until := formatTime(first[len(first)-1].received.Add(longest - shortest + time.Second))
	rs, err := s.referralsIn(ctx, tx, agendaScreenRead, " WHERE r.id IN (SELECT id"+toScreen+
		" AND received_at < ?) ORDER BY r.received_at, r.id", until)
	if err != nil {
		return err
	}
	domain.SortForQueue(rs, now)
	f.Unscreened = rs[:min(len(rs), agendaScreenRead)]
	return nil
}

type receipt struct {
	id       int64
	received time.Time
}

// receivedBetween reads, from the index alone, the running clocks received in [from,
// to) ("" for no bound), oldest first, at most limit of them (-1: all).
func receivedBetween(ctx context.Context, tx *sql.Tx, from, to string, limit int) ([]receipt, error) {
	q, args := "SELECT id, received_at"+toScreen, []any{}
	if from != "" {
		q, args = q+" AND received_at >= ?", append(args, from)
	}
	if to != "" {
		q, args = q+" AND received_at < ?", append(args, to)
	}
	rows, err := tx.QueryContext(ctx, q+" ORDER BY received_at, id LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []receipt
	for rows.Next() {
		var r receipt
		var at string
		if err := rows.Scan(&r.id, &at); err != nil {
			return nil, err
		}
		if r.received, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
