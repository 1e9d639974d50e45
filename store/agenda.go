package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/clock"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// agendaLookBack is how far back a forum report's due date is read: an overdue report
// stays on the agenda until its meeting is held, and a report more than a month
// overdue for a meeting still to come would be a mistake in the record, not a to-do.
const agendaLookBack = 30

// openAccessRequests picks the subject access requests not yet answered, the soonest
// due first, as OpenAccessRequests lists them.
const openAccessRequests = " WHERE a.answered_on IS NULL ORDER BY coalesce(a.extended_to, a.due_on), a.id"

// agendaConsultRead is how many referrals awaiting a consultation the agenda reads in
// full, the longest waiting first: more than the home screen shows.
const agendaConsultRead = 20

// AgendaFacts reads what the home screen's agenda is built from, for clinicianID at now
// (today is its London date): the most urgent running screening clocks with how many
// run and how many are overdue (agenda_screening.go), the referrals screened in and
// awaiting their consultation, the open cases with their release facts, the forum
// meetings of open cases held or with a report due from a month before today to a week
// after, and clinicianID's unsigned notes and formulation versions with the names of
// the people they are about, and, when clinicianID is a lead, the last verify and
// backup, the team (whose cases need a new clinician) and the subject access requests
// not yet answered. One read-only transaction, so the sections agree with each
// other: a referral accepted meanwhile is not both awaiting consultation and a case.
func (s *Store) AgendaFacts(ctx context.Context, clinicianID int64, now time.Time) (domain.AgendaFacts, error) {
	if err := s.reader("read Today's agenda"); err != nil {
		return domain.AgendaFacts{}, err
	}
	const what = "reading what is due"
	if why := instantProblem(now); why != "" {
		return domain.AgendaFacts{}, newError(ErrInvalid, s.path, "the time now %s", why)
	}
	today := ident.DateOf(now.In(clock.London()))
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.AgendaFacts{}, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	var f domain.AgendaFacts
	reads := []func() error{
		func() error { return s.screeningFacts(ctx, tx, now, &f) },
		func() (err error) {
			// The longest waiting only, and a count: the home screen shows three of
			// them, and reading thousands in full cost most of its first frame.
			// INDEXED BY: the planner would rather take the status index and sort
			// thousands of rows for the twenty it needs.
			const waiting = ` FROM referrals INDEXED BY referrals_to_consult
				WHERE status IN ('screened-in', 'consultation') AND imported = 0`
			if f.ToConsult, err = s.referralsIn(ctx, tx, agendaConsultRead, " WHERE r.id IN (SELECT id"+waiting+
				" ORDER BY screened_at, id LIMIT ?) ORDER BY r.screened_at, r.id", agendaConsultRead); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, "SELECT count(*)"+waiting).Scan(&f.ToConsultTotal)
		},
		func() (err error) { f.Cases, err = s.casesOnPathway(ctx, tx); return err },
		func() (err error) {
			f.Meetings, err = s.meetingsBetween(ctx, tx, today.AddDays(-agendaLookBack), today.AddDays(domain.ForumWeekDays))
			return err
		},
		func() error {
			rows, err := tx.QueryContext(ctx, noteSelect+` WHERE author_id = ? AND signed_at IS NULL
				ORDER BY created_at, id`, clinicianID)
			if err == nil {
				f.Drafts, err = s.scanNotes(rows)
			}
			return err
		},
		func() (err error) { f.FormulationDrafts, err = s.formulationDrafts(ctx, tx, clinicianID); return err },
		func() (err error) { f.Names, err = s.draftNames(ctx, tx, clinicianID); return err },
		func() error { return s.safetyFacts(ctx, tx, clinicianID, &f) },
		func() (err error) {
			if f.MeasuresTaken, err = s.measuresTaken(ctx, tx, clinicianID); err != nil {
				return err
			}
			f.MeasurePoints, err = s.measurePoints(ctx, tx)
			return err
		},
		func() (err error) {
			if f.ReaderIsLead { // whose cases need a new clinician, and the open requests: a lead's sections
				if f.Clinicians, err = s.cliniciansIn(ctx, tx); err == nil {
					f.AccessRequests, err = s.accessRequests(ctx, tx, openAccessRequests)
				}
			}
			return err
		},
	}
	for _, read := range reads {
		if err := read(); err != nil {
			return domain.AgendaFacts{}, normalise(err, s.path, s.busy, what)
		}
	}
	return f, nil
}

// referralsIn reads referrals with their people through q (the database, or a
// transaction: the store has one connection, and a transaction holds it).
func (s *Store) referralsIn(ctx context.Context, q querier, capacity int, tail string, args ...any) ([]domain.Referral, error) {
	rows, err := q.QueryContext(ctx, referralSelect+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	rs := make([]domain.Referral, 0, capacity)
	for rows.Next() {
		r, err := s.scanReferral(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// formulationDrafts reads the unsigned formulation versions clinicianID wrote, oldest
// started first.
func (s *Store) formulationDrafts(ctx context.Context, q querier, clinicianID int64) ([]domain.Formulation, error) {
	rows, err := q.QueryContext(ctx, formulationSelect+` WHERE author_id = ? AND signed_at IS NULL
		ORDER BY created_at, id`, clinicianID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Formulation
	for rows.Next() {
		f, err := s.scanFormulation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// draftNames is the person's name by case for every case clinicianID has a draft on,
// closed ones included: a draft left on a closed case still needs signing, and a line
// saying only "case 12" would send the reader looking.
func (s *Store) draftNames(ctx context.Context, q querier, clinicianID int64) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, p.given_name, p.family_name FROM cases c
		JOIN people p ON p.id = c.person_id
		WHERE c.id IN (SELECT case_id FROM notes WHERE author_id = ?1 AND signed_at IS NULL
			UNION SELECT case_id FROM formulations WHERE author_id = ?1 AND signed_at IS NULL)`, clinicianID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var p domain.Person
		if err := rows.Scan(&id, &p.GivenName, &p.FamilyName); err != nil {
			return nil, err
		}
		names[id] = p.Name()
	}
	return names, rows.Err()
}

// safetyFacts reads whether clinicianID is a lead (their access, docs/RULES.md "Roles")
// and, for a lead only, the last verify and backup (docs/RULES.md, "Backup and verify on
// Today").
func (s *Store) safetyFacts(ctx context.Context, q querier, clinicianID int64, f *domain.AgendaFacts) error {
	var access string
	err := q.QueryRowContext(ctx, "SELECT access FROM clinicians WHERE id = ?", clinicianID).Scan(&access)
	switch {
	case errors.Is(err, sql.ErrNoRows): // not on the team: no lead
		return nil
	case err != nil:
		return err
	}
	if f.ReaderIsLead = domain.Access(access) == domain.AccessLead; f.ReaderIsLead {
		f.Safety, err = s.safetyChecks(ctx, q)
	}
	return err
}
