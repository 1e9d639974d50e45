package store

import (
	"context"
	"database/sql"

	"caseload/internal/domain"
)

// sentenceDates reads the sentence dates of the cases the query's WHERE clause picks
// (over sentence_dates d joined to cases c), each case's in the domain's order: every
// reader of a case's release facts takes them from here.
func (s *Store) sentenceDates(ctx context.Context, q querier, where string, args ...any) (map[int64]domain.SentenceDates, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.case_id, d.kind, d.date, d.confirmed
		FROM sentence_dates d JOIN cases c ON c.id = d.case_id WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.SentenceDates{}
	for rows.Next() {
		var (
			caseID     int64
			kind, date sql.NullString
			d          domain.ReleaseDate
		)
		if err := rows.Scan(&caseID, &kind, &date, &d.Confirmed); err != nil {
			return nil, err
		}
		d.Kind = domain.ReleaseDateType(kind.String)
		if d.Date, err = storedDate(date); err != nil {
			return nil, s.malformedRelease(caseID, err)
		}
		out[caseID] = out[caseID].Set(d)
	}
	return out, rows.Err()
}

// writeSentenceDate holds d for its kind on a case, or removes the kind when d has no
// date; the history row is the caller's.
func writeSentenceDate(ctx context.Context, tx *sql.Tx, caseID int64, d domain.ReleaseDate) error {
	kind := null(string(d.Kind))
	if _, err := tx.ExecContext(ctx, `DELETE FROM sentence_dates WHERE case_id = ? AND kind IS ?`, caseID, kind); err != nil {
		return err
	}
	if d.Date.IsZero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sentence_dates (case_id, kind, date, confirmed) VALUES (?, ?, ?, ?)`,
		caseID, kind, d.Date.String(), d.IsConfirmed())
	return err
}

// openRelease writes the release facts a new case opens with: its events row and every
// sentence date it holds.
func openRelease(ctx context.Context, tx *sql.Tx, caseID int64, r domain.CaseRelease) error {
	if err := writeRelease(ctx, tx, caseID, r); err != nil {
		return err
	}
	for _, d := range r.Dates {
		if err := writeSentenceDate(ctx, tx, caseID, d); err != nil {
			return err
		}
	}
	return nil
}
