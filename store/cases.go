package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// CaseSummary is a case as the caseload list and the case view show it
// (domain.CaseSummary): the case, its referral and person, its clinician, the latest
// formulation version (FormulationSignedAt is zero while that version is a draft), the
// latest signed note's contact time, and how many drafts (notes and formulation, of any
// author) are open on it.
type CaseSummary = domain.CaseSummary

// caseViewed is the audit detail of "case.viewed".
type caseViewed struct {
	CaseID      int64 `json:"case_id"`
	ClinicianID int64 `json:"clinician_id"`
}

// summarySelect reads a case with its clinician and where its record stands, each
// figure from an index: the latest formulation version, the newest signed contact
// (notes_case, newest first, stops at the first signed one), and the drafts (partial
// indexes on unsigned rows).
const summarySelect = `SELECT c.id, c.referral_id, c.person_id, ifnull(c.allocated_clinician_id, 0), c.opened_at, c.status,
	ifnull(k.id, 0), ifnull(k.name, ''), ifnull(k.role, ''), ifnull(k.registration, ''), ifnull(k.os_user, ''), ifnull(k.active, 0),
	ifnull(f.version, 0), ifnull(f.signed_at, ''),
	ifnull((SELECT n.contact_at FROM notes n WHERE n.case_id = c.id AND n.signed_at IS NOT NULL
		ORDER BY n.contact_at DESC LIMIT 1), ''),
	(SELECT count(*) FROM notes n WHERE n.case_id = c.id AND n.signed_at IS NULL)
		+ (SELECT count(*) FROM formulations d WHERE d.case_id = c.id AND d.signed_at IS NULL),
	x.actual_date, x.recalled_on, x.re_released
	FROM cases c LEFT JOIN clinicians k ON k.id = c.allocated_clinician_id
	LEFT JOIN case_release x ON x.case_id = c.id
	LEFT JOIN formulations f ON f.case_id = c.id
		AND f.version = (SELECT max(version) FROM formulations WHERE case_id = c.id)`

// Case returns one case; ErrNotFound if there is none.
func (s *Store) Case(ctx context.Context, caseID int64) (domain.Case, error) {
	if err := s.reader("open a case"); err != nil {
		return domain.Case{}, err
	}
	c, err := s.scanCase(s.db.QueryRowContext(ctx, caseSelect+" WHERE id = ?", caseID))
	if errors.Is(err, sql.ErrNoRows) {
		return c, newError(ErrNotFound, s.path, "case %d does not exist", caseID)
	}
	return c, err
}

// CaseSummaries returns every open case, for the caseload list, ordered by case id. Three
// queries in one snapshot: the cases with their figures, their sentence dates, then their
// referrals with their people.
func (s *Store) CaseSummaries(ctx context.Context) ([]CaseSummary, error) {
	if err := s.reader("list the cases"); err != nil {
		return nil, err
	}
	const what = "reading the caseload"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	sums, err := s.summaries(ctx, tx, " WHERE c.status = 'open' ORDER BY c.id")
	if err != nil || len(sums) == 0 {
		return sums, err
	}
	rows, err := tx.QueryContext(ctx, referralSelect+" WHERE r.id IN (SELECT referral_id FROM cases WHERE status = 'open')")
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	byReferral := make(map[int64]domain.Referral, len(sums))
	for rows.Next() {
		r, err := s.scanReferral(rows)
		if err != nil {
			return nil, err
		}
		byReferral[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	for i := range sums {
		sums[i].Referral = byReferral[sums[i].Case.ReferralID]
	}
	return sums, nil
}

// ViewCase is clinicianID opening case caseID: it records "case.viewed" (who, when,
// which case; actor "clinician:N") and returns the case's summary, open or closed, in one
// transaction, so no one reads a case without the audit saying so. A clinician who
// does not exist or has been deactivated is refused before anything is read.
func (s *Store) ViewCase(ctx context.Context, clinicianID int64, at time.Time, caseID int64) (CaseSummary, error) {
	if err := s.reader("open a case"); err != nil {
		return CaseSummary{}, err
	}
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return CaseSummary{}, err
	}
	var sum CaseSummary
	err := s.inTx(ctx, "opening a case", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		sums, err := s.summaries(ctx, tx, " WHERE c.id = ?", caseID)
		if err != nil {
			return err
		}
		if len(sums) == 0 {
			return newError(ErrNotFound, s.path, "case %d does not exist", caseID)
		}
		sum = sums[0]
		if sum.Referral, err = s.referral(ctx, tx, sum.Case.ReferralID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "case.viewed", "case", caseID, caseViewed{CaseID: caseID, ClinicianID: clinicianID})
	})
	if err != nil {
		return CaseSummary{}, err
	}
	return sum, nil
}

// summaries reads summarySelect with tail, without the referrals.
func (s *Store) summaries(ctx context.Context, q querier, tail string, args ...any) ([]CaseSummary, error) {
	const what = "reading the caseload"
	rows, err := q.QueryContext(ctx, summarySelect+tail, args...)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var sums []CaseSummary
	for rows.Next() {
		var (
			sum                             CaseSummary
			c, k, r                         = &sum.Case, &sum.Clinician, &sum.Release
			opened, status, signed, contact string
			actual, rec, rer                sql.NullString
		)
		if err := rows.Scan(&c.ID, &c.ReferralID, &c.PersonID, &c.AllocatedClinicianID, &opened, &status,
			&k.ID, &k.Name, &k.Role, &k.Registration, &k.OSUser, &k.Active,
			&sum.FormulationVersion, &signed, &contact, &sum.Drafts,
			&actual, &rec, &rer); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		for _, d := range []struct {
			to  *ident.Date
			col sql.NullString
		}{{&r.Actual, actual}, {&r.RecalledOn, rec}, {&r.ReReleased, rer}} {
			var err error
			if *d.to, err = storedDate(d.col); err != nil {
				return nil, s.malformedRelease(c.ID, err)
			}
		}
		c.Status = domain.CaseStatus(status)
		var errs [3]error
		c.OpenedAt, errs[0] = parseTime(opened)
		sum.FormulationSignedAt, errs[1] = optionalTime(signed)
		sum.LastContact, errs[2] = optionalTime(contact)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, newError(ErrCorrupt, s.path, "case %d in %s has a malformed time: %v", c.ID, s.path, err)
		}
		sums = append(sums, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	if len(sums) == 0 {
		return sums, nil
	}
	dates, err := s.sentenceDates(ctx, q, "c.id IN (SELECT c.id FROM cases c"+tail+")", args...)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	for i := range sums {
		sums[i].Release.Dates = dates[sums[i].Case.ID]
	}
	return sums, nil
}
