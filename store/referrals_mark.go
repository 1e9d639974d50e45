package store

import "context"

// ReferralsMark is a number that changes whenever any referral changes, and only then:
// the newest referral's id (a referral added or brought in by a cases import) plus the
// newest audit entry about a referral (screened, consulted, withdrawn, corrected; each
// written in the transaction that made the change) or about a setting (the screening
// deadline changes how every referral's clock reads: docs/RULES.md, "Screening
// deadline"). Both only grow, so their sum moves
// when either does. A screen that shows every referral (the queue) reads it before
// reading them all again, and skips that read when it has not moved: notes, views and
// forums written by colleagues leave it alone, and so does a referral read
// ("referral.viewed", docs/RULES.md, "What is audited"). Two index lookups and a scan of the
// referrals' audit entries: a few milliseconds at 20,000 referrals.
func (s *Store) ReferralsMark(ctx context.Context) (int64, error) {
	var mark int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT ifnull(max(id), 0) FROM referrals)
		+ (SELECT ifnull(max(id), 0) FROM audit WHERE entity IN ('referral', 'setting') AND action NOT LIKE '%.viewed')`).Scan(&mark)
	if err != nil {
		return 0, normalise(err, s.path, s.busy, "reading the referrals")
	}
	return mark, nil
}
