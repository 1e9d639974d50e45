package store

import "context"

// CaseSummary reads case caseID's summary again, open or closed, without a "case.viewed"
// entry: for a case view already open (its opening was audited by ViewCase) that
// reloads because a colleague changed the record. Opening a case goes through ViewCase,
// never this.
func (s *Store) CaseSummary(ctx context.Context, caseID int64) (CaseSummary, error) {
	if err := s.reader("open a case"); err != nil {
		return CaseSummary{}, err
	}
	sums, err := s.summaries(ctx, s.db, " WHERE c.id = ?", caseID)
	if err != nil {
		return CaseSummary{}, err
	}
	if len(sums) == 0 {
		return CaseSummary{}, newError(ErrNotFound, s.path, "case %d does not exist", caseID)
	}
	sum := sums[0]
	if sum.Referral, err = s.referral(ctx, s.db, sum.Case.ReferralID); err != nil {
		return CaseSummary{}, err
	}
	return sum, nil
}
