package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
)

// outcomeRecorded is the audit detail of "outcome.recorded".
type outcomeRecorded struct {
	CaseID    int64  `json:"case_id"`
	OutcomeID int64  `json:"outcome_id"`
	Point     string `json:"time_point"`
}

// RecordTransitionOutcome is clinician clinicianID recording how case o.CaseID stood at
// time point o.Point (docs/RULES.md, "Outcomes of the transition"), in one transaction
// with the audit entry "outcome.recorded". seen is the outcome standing at that point
// when the form was shown (0: none): one recorded since is refused with ErrConflict
// naming who and when, so a colleague's record is never silently replaced. A closed
// case takes only its outcome at discharge.
func (s *Store) RecordTransitionOutcome(ctx context.Context, clinicianID int64, at time.Time, o domain.TransitionOutcome, seen int64) (domain.TransitionOutcome, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.TransitionOutcome{}, err
	}
	if err := domain.CheckTransitionOutcome(o, londonDay(at)); err != nil {
		return domain.TransitionOutcome{}, s.refused(err)
	}
	o.RecordedBy, o.RecordedAt = clinicianID, second(at)
	err := s.inTx(ctx, "recording a transition outcome", func(tx *sql.Tx) error {
		if err := s.caseTakes(ctx, tx, o.CaseID, o.Point); err != nil {
			return err
		}
		var (
			standing   int64
			by, byWhen string
		)
		err := tx.QueryRowContext(ctx, `SELECT t.id, k.name, t.recorded_at FROM transition_outcomes t
			JOIN clinicians k ON k.id = t.recorded_by WHERE t.case_id = ? AND t.time_point = ?
			ORDER BY t.id DESC LIMIT 1`, o.CaseID, o.Point).Scan(&standing, &by, &byWhen)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if standing != seen {
			when, _ := parseTime(byWhen)
			return newError(ErrConflict, s.path, "%s recorded the outcome %s on %s since it was shown: look at theirs before recording again",
				by, o.Point.Words(), when.In(clock.London()).Format("2 Jan 2006 at 15:04"))
		}
		me, err := s.clinicianByID(ctx, tx, clinicianID)
		if err != nil {
			return err
		}
		o.RecordedByName = me.Name
		res, err := tx.ExecContext(ctx, `INSERT INTO transition_outcomes (case_id, time_point, gp_registered,
			gp_registered_on, accommodation, mental_health, substance_use, physical_health, recalled, mappa_level,
			rosh, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.CaseID, o.Point,
			null(string(o.GPRegistered)), null(o.GPRegisteredOn.String()), null(string(o.Accommodation)),
			null(string(o.MentalHealth)), null(string(o.SubstanceUse)), null(string(o.PhysicalHealth)),
			null(string(o.Recalled)), null(string(o.MAPPALevel)), null(string(o.RoSH)), o.RecordedBy,
			formatTime(o.RecordedAt))
		if err != nil {
			return err
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "outcome.recorded", "case", o.CaseID,
			outcomeRecorded{CaseID: o.CaseID, OutcomeID: o.ID, Point: string(o.Point)})
	})
	if err != nil {
		return domain.TransitionOutcome{}, err
	}
	return o, nil
}

const outcomeSelect = `SELECT t.id, t.case_id, t.time_point, ifnull(t.gp_registered, ''), t.gp_registered_on,
	ifnull(t.accommodation, ''), ifnull(t.mental_health, ''), ifnull(t.substance_use, ''),
	ifnull(t.physical_health, ''), ifnull(t.recalled, ''), ifnull(t.mappa_level, ''), ifnull(t.rosh, ''),
	t.recorded_by, k.name, t.recorded_at
	FROM transition_outcomes t JOIN clinicians k ON k.id = t.recorded_by`

// TransitionOutcomes returns every outcome recorded on a case, oldest first: the last
// at each time point is the one that stands.
func (s *Store) TransitionOutcomes(ctx context.Context, caseID int64) ([]domain.TransitionOutcome, error) {
	if err := s.reader("read a case's transition outcomes"); err != nil {
		return nil, err
	}
	out, err := s.transitionOutcomes(ctx, s.db, " WHERE t.case_id = ? ORDER BY t.id", caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading transition outcomes")
	}
	return out, nil
}

// transitionOutcomes reads outcomes through q.
func (s *Store) transitionOutcomes(ctx context.Context, q querier, tail string, args ...any) ([]domain.TransitionOutcome, error) {
	rows, err := q.QueryContext(ctx, outcomeSelect+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.TransitionOutcome
	for rows.Next() {
		var (
			o          domain.TransitionOutcome
			gpOn       sql.NullString
			recordedAt string
		)
		if err := rows.Scan(&o.ID, &o.CaseID, &o.Point, &o.GPRegistered, &gpOn, &o.Accommodation, &o.MentalHealth,
			&o.SubstanceUse, &o.PhysicalHealth, &o.Recalled, &o.MAPPALevel, &o.RoSH, &o.RecordedBy, &o.RecordedByName,
			&recordedAt); err != nil {
			return nil, err
		}
		var e1, e2 error
		o.GPRegisteredOn, e1 = storedDate(gpOn)
		o.RecordedAt, e2 = parseTime(recordedAt)
		if e1 != nil || e2 != nil {
			return nil, newError(ErrCorrupt, s.path, "transition outcome %d has a date or time that is not one", o.ID)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
