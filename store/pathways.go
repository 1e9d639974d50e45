package store

import (
	"context"
	"database/sql"

	"caseload/internal/domain"
)

// CasesOnPathway returns every open case with its person, its clinician and its
// release facts with their history, for the countdowns, the home screen and `cases
// list`. Two queries whatever the caseload's size: the cases with their facts, then
// every change of their release dates.
func (s *Store) CasesOnPathway(ctx context.Context) ([]domain.CaseOnPathway, error) {
	if err := s.reader("read the pathway"); err != nil {
		return nil, err
	}
	const what = "reading the release dates of the caseload"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	out, err := s.casesOnPathway(ctx, tx)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}

// Which cases casesOnPathwayWhere reads, by status.
const (
	openCases   = "c.status = 'open'"
	closedCases = "c.status = 'closed'"
	allCases    = "c.status IN ('open', 'closed')"
)

// CasesByStatus is CasesOnPathway for the open cases ("open"), the closed ones
// ("closed") or both ("all"), each closed case with its closure (the signed discharge
// summary that closed it last), for `cases list --status`.
func (s *Store) CasesByStatus(ctx context.Context, status string) ([]domain.CaseOnPathway, error) {
	if err := s.reader("read the pathway"); err != nil {
		return nil, err
	}
	where, ok := map[string]string{"open": openCases, "closed": closedCases, "all": allCases}[status]
	if !ok {
		return nil, newError(ErrInvalid, s.path, "%q is not a status of a case: use open, closed or all", status)
	}
	const what = "reading the caseload"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	out, err := s.casesOnPathwayWhere(ctx, tx, where)
	if err == nil {
		err = s.attachClosures(ctx, tx, out)
	}
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}

func (s *Store) casesOnPathway(ctx context.Context, tx *sql.Tx) ([]domain.CaseOnPathway, error) {
	return s.casesOnPathwayWhere(ctx, tx, openCases)
}

// casesOnPathwayWhere reads the cases where (one of the conditions above) holds.
func (s *Store) casesOnPathwayWhere(ctx context.Context, tx *sql.Tx, where string) ([]domain.CaseOnPathway, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, p.id, p.given_name, p.family_name,
		ifnull(c.allocated_clinician_id, 0), ifnull(k.name, ''), c.status, c.opened_at,
		x.actual_date, x.recalled_on, x.re_released
		FROM cases c JOIN people p ON p.id = c.person_id
		LEFT JOIN clinicians k ON k.id = c.allocated_clinician_id
		LEFT JOIN case_release x ON x.case_id = c.id
		WHERE `+where+` ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.CaseOnPathway
	index := map[int64]int{}
	for rows.Next() {
		var (
			c                     domain.CaseOnPathway
			r                     = &c.Release
			actual, recalled, rer sql.NullString
			opened                string
		)
		if err := rows.Scan(&c.CaseID, &c.Person.ID, &c.Person.GivenName, &c.Person.FamilyName,
			&c.ClinicianID, &c.Clinician, &c.Status, &opened, &actual, &recalled, &rer); err != nil {
			return nil, err
		}
		var errs [4]error
		c.OpenedAt, errs[3] = parseTime(opened)
		r.Actual, errs[0] = storedDate(actual)
		r.RecalledOn, errs[1] = storedDate(recalled)
		r.ReReleased, errs[2] = storedDate(rer)
		for _, err := range errs {
			if err != nil {
				return nil, s.malformedRelease(c.CaseID, err)
			}
		}
		index[c.CaseID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	dates, err := s.sentenceDates(ctx, tx, where)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Release.Dates = dates[out[i].CaseID]
	}
	return out, s.attachReleaseHistory(ctx, tx, out, index, where)
}

// attachReleaseHistory reads the changes of the release dates of the cases where holds, oldest
// first, onto the cases they belong to.
func (s *Store) attachReleaseHistory(ctx context.Context, tx *sql.Tx, cases []domain.CaseOnPathway, index map[int64]int, where string) error {
	rows, err := tx.QueryContext(ctx, `SELECT h.case_id, h.from_date, h.from_kind, h.from_confirmed,
		h.to_date, h.to_kind, h.to_confirmed, h.reason, h.changed_by, h.changed_at
		FROM release_changes h JOIN cases c ON c.id = h.case_id WHERE `+where+` ORDER BY h.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var caseID int64
		c, err := s.scanReleaseChange(rows, &caseID)
		if err != nil {
			return err
		}
		if i, ok := index[caseID]; ok {
			cases[i].Release.History = append(cases[i].Release.History, c)
		}
	}
	return rows.Err()
}
