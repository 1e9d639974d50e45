package store

import "context"

// ReferralsMark is a number that changes whenever any referral changes, and only then:
// the newest referral's id (a referral added or brought in by a cases import) plus the
// newest audit entry about a referral (screened, consulted, withdrawn, corrected; each
// written in the transaction that made the change) or about a setting (the screening
// deadline changes how every referral's clock reads: docs/RULES.md, "Screening
// deadline"). Both only grow, so their sum moves when either does. A screen that shows
// every referral (the queue) reads it before reading them all again, and skips that
// read when it has not moved: notes, views and forums written by colleagues leave it
// alone, and so does a referral read ("referral.viewed", docs/RULES.md, "What is
// audited").
//
// It is read at every reload, so it must not cost what the referrals do. Every action
// about a referral or a setting is named for it ("referral.screened",
// "setting.changed"; TestEveryReferralActionIsNamedForIt), so the audit's index of
// actions answers: the distinct actions from "referral." and "setting." are walked one
// index seek each, and the newest entry of each one that is not a view is one more. A
// few dozen seeks, however long the audit: scanning every referral's entries took
// 150 ms at 100,000 referrals, and read the whole audit through SQLite's page cache,
// pushing out the pages the queue reads next (referralsMarkScan, kept for its test).
func (s *Store) ReferralsMark(ctx context.Context) (int64, error) {
	var mark int64
	if err := s.db.QueryRowContext(ctx, referralsMark).Scan(&mark); err != nil {
		return 0, normalise(err, s.path, s.busy, "reading the referrals")
	}
	return mark, nil
}

const referralsMark = `WITH RECURSIVE actions(action) AS (
		SELECT (SELECT min(action) FROM audit WHERE action >= 'referral.' AND action < 'referral/')
		UNION ALL
		SELECT (SELECT min(action) FROM audit WHERE action >= 'setting.' AND action < 'setting/')
		UNION ALL
		SELECT (SELECT min(a.action) FROM audit a WHERE a.action > actions.action
			AND a.action < substr(actions.action, 1, instr(actions.action, '.') - 1) || '/')
		FROM actions WHERE actions.action IS NOT NULL
	)
	SELECT (SELECT ifnull(max(id), 0) FROM referrals) + ifnull((SELECT max((SELECT id FROM audit
		WHERE action = actions.action AND entity IN ('referral', 'setting') ORDER BY id DESC LIMIT 1))
		FROM actions WHERE action IS NOT NULL AND action NOT LIKE '%.viewed'), 0)`

// referralsMarkScan is the mark as it was first written, by scanning every audit entry
// about a referral: what ReferralsMark must always equal.
const referralsMarkScan = `SELECT (SELECT ifnull(max(id), 0) FROM referrals)
	+ (SELECT ifnull(max(id), 0) FROM audit WHERE entity IN ('referral', 'setting') AND action NOT LIKE '%.viewed')`
