package store

import (
	"context"
	"database/sql"
	"errors"
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
		OR r.status = 'received' LIMIT 1`,
		"referral %d: its status or screening time does not match its screening decision"},
	{`SELECT d.referral_id FROM consultations d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status NOT IN ('consultation', 'accepted', 'not-accepted', 'withdrawn') LIMIT 1`,
		"referral %d: it has a consultation but its status says it has not been to one"},
	{`SELECT d.referral_id FROM withdrawals d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status <> 'withdrawn' LIMIT 1`,
		"referral %d: it has a withdrawal but its status is not withdrawn"},
	{`SELECT d.referral_id FROM cases d JOIN referrals r ON r.id = d.referral_id
		WHERE r.status <> 'accepted' OR r.person_id <> d.person_id LIMIT 1`,
		"referral %d: its case is not for an accepted referral about the same person"},
}

// checkDecisions returns the first decision that disagrees with its referral, or "".
func checkDecisions(ctx context.Context, tx *sql.Tx) (string, error) {
	for _, c := range decisionChecks {
		var id int64
		err := tx.QueryRowContext(ctx, c.query).Scan(&id)
		if err == nil {
			return fmt.Sprintf(c.problem, id), nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	return "", nil
}
