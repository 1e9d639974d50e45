package store

import (
	"context"
	"database/sql"
	"fmt"
)

// decisionChecks hold each decision to the referral it is about. The store writes a
// decision and the status it sets in one transaction, so a mismatch means the file was
// changed behind its back. They look only from the decision to the referral: referrals
// imported as already screened or accepted have a status and no decision rows, which
// is fine.
var decisionChecks = []struct{ query, problem string }{
	{`SELECT d.referral_id FROM screenings d JOIN referrals r ON r.id = d.referral_id
		WHERE r.screened_at IS NOT d.decided_at OR (d.outcome = 'out') <> (r.status = 'screened-out')
		OR r.status = 'received'`,
		"referral %d: its status or screening time does not match its screening decision"},
	{`SELECT d.referral_id FROM consultations d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status NOT IN ('consultation', 'accepted', 'not-accepted', 'withdrawn')`,
		"referral %d: it has a consultation but its status says it has not been to one"},
	{`SELECT d.referral_id FROM withdrawals d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status <> 'withdrawn'`,
		"referral %d: it has a withdrawal but its status is not withdrawn"},
	{`SELECT d.referral_id FROM cases d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status <> 'accepted' OR r.person_id <> d.person_id`,
		"referral %d: its case is not for an accepted referral about the same person"},
}

// checkDecisions names every decision that disagrees with its referral.
func checkDecisions(ctx context.Context, tx *sql.Tx, r *Report) error {
	for _, c := range decisionChecks {
		if err := eachID(ctx, tx, c.query, func(id int64) {
			r.addf("referral", fmt.Sprint(id), 0, c.problem, id)
		}); err != nil {
			return err
		}
	}
	return nil
}

// eachID runs a query of one integer column and passes each value to fn.
func eachID(ctx context.Context, tx *sql.Tx, query string, fn func(int64)) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		fn(id)
	}
	return rows.Err()
}
