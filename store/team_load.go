package store

import (
	"context"
	"database/sql"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// TeamLoad reads each clinician's open cases by phase, their unsigned drafts and the
// forum reports due on their cases, with the caseload cap, on today (a London date), in
// one read-only snapshot (domain.TeamLoad says who is listed and in what order). It
// reads clinical records, so IT (admin) is refused.
func (s *Store) TeamLoad(ctx context.Context, today ident.Date) ([]domain.ClinicianLoad, error) {
	if err := s.reader("read the team's caseloads"); err != nil {
		return nil, err
	}
	const what = "reading the team's caseloads"
	if why := dateProblem(today); today.IsZero() || why != "" {
		return nil, newError(ErrInvalid, s.path, "today's date %s", orMissing(why))
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	f := domain.TeamLoadFacts{Drafts: map[int64]int{}}
	reads := []func() error{
		func() (err error) { f.Clinicians, err = s.cliniciansIn(ctx, tx); return err },
		func() (err error) { f.Cases, err = s.casesOnPathway(ctx, tx); return err },
		func() (err error) {
			f.Meetings, err = s.meetingsBetween(ctx, tx, today.AddDays(-agendaLookBack), today.AddDays(domain.ForumWeekDays))
			return err
		},
		func() error {
			rows, err := tx.QueryContext(ctx, `SELECT author_id, count(*) FROM (
				SELECT author_id FROM notes WHERE signed_at IS NULL
				UNION ALL SELECT author_id FROM formulations WHERE signed_at IS NULL
				UNION ALL SELECT author_id FROM discharge_summaries WHERE signed_at IS NULL) GROUP BY author_id`)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id int64
				var n int
				if err := rows.Scan(&id, &n); err != nil {
					return err
				}
				f.Drafts[id] = n
			}
			return rows.Err()
		},
		func() (err error) {
			_, f.Cap, err = s.heldAndCap(ctx, tx, 0)
			return err
		},
	}
	for _, read := range reads {
		if err := read(); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
	}
	return domain.TeamLoad(f, today), nil
}

// cliniciansIn reads every clinician, in id order, in q's snapshot.
func (s *Store) cliniciansIn(ctx context.Context, q querier) ([]domain.Clinician, error) {
	rows, err := q.QueryContext(ctx, clinicianSelect+" ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []domain.Clinician
	for rows.Next() {
		var c domain.Clinician
		if err := rows.Scan(&c.ID, &c.Name, &c.Role, &c.Registration, &c.OSUser, &c.Active, &c.Access); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}
