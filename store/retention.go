package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// attachClosures sets the closure in force on each closed case: the last signed
// discharge summary no lead has reopened.
func (s *Store) attachClosures(ctx context.Context, q querier, cases []domain.CaseOnPathway) error {
	closures, err := s.closures(ctx, q)
	if err != nil {
		return err
	}
	for i := range cases {
		if cases[i].Status == "closed" {
			cases[i].Closure = closures[cases[i].CaseID]
		}
	}
	return nil
}

// closures is the closure in force by case id, for every case closed by a summary.
func (s *Store) closures(ctx context.Context, q querier) (map[int64]domain.CaseClosure, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.case_id, d.closed_on, d.reason, ifnull(d.transferred_to, ''),
		ifnull(d.words, ''), ifnull(d.died_on, '') FROM discharge_summaries d JOIN cases c ON c.id = d.case_id
		WHERE c.status = 'closed' AND d.signed_at IS NOT NULL
		AND d.id NOT IN (SELECT summary_id FROM case_reopenings) ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.CaseClosure{}
	for rows.Next() {
		var caseID int64
		var c domain.CaseClosure
		var on, reason, died string
		if err := rows.Scan(&caseID, &on, &reason, &c.TransferredTo, &c.Words, &died); err != nil {
			return nil, err
		}
		var errs [2]error
		c.On, errs[0] = ident.ParseDate(on)
		c.DiedOn, errs[1] = optionalDate(died)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		c.Reason = domain.ClosingReason(reason)
		out[caseID] = c // in id order: the last one wins
	}
	return out, rows.Err()
}

// ClosedRecords lists every closed case with its closure, its retention review day
// under rule (or the next review a decision to keep set) and its latest retention
// decision, the soonest review first, for `caseload retention`.
func (s *Store) ClosedRecords(ctx context.Context, rule domain.RetentionRule) ([]domain.ClosedRecord, error) {
	if err := s.reader("read the closed records"); err != nil {
		return nil, err
	}
	const what = "reading the closed records"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	out, err := s.closedRecords(ctx, tx, rule)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}

func (s *Store) closedRecords(ctx context.Context, tx *sql.Tx, rule domain.RetentionRule) ([]domain.ClosedRecord, error) {
	closures, err := s.closures(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.id, p.id, trim(ifnull(p.given_name, '') || ' ' || ifnull(p.family_name, ''))
		FROM cases c JOIN people p ON p.id = c.person_id WHERE c.status = 'closed' ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	var out []domain.ClosedRecord
	for rows.Next() {
		var r domain.ClosedRecord
		if err := rows.Scan(&r.CaseID, &r.PersonID, &r.Person); err != nil {
			rows.Close()
			return nil, err
		}
		r.Closure = closures[r.CaseID]
		r.ReviewOn = domain.RetentionReviewOn(r.Closure, rule)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	last, err := s.lastRetentionDecisions(ctx, tx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if d, ok := last[out[i].CaseID]; ok {
			out[i].Last = &d
			if d.Decision == "keep" {
				out[i].ReviewOn = d.KeepUntil
			}
		}
	}
	return out, nil
}

func (s *Store) lastRetentionDecisions(ctx context.Context, q querier) (map[int64]domain.RetentionDecision, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, decided_on, decision, ifnull(keep_until, ''), decided_by,
		ifnull(reference, ''), recorded_by, recorded_at FROM retention_decisions ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]domain.RetentionDecision{}
	for rows.Next() {
		var d domain.RetentionDecision
		var on, until, at string
		if err := rows.Scan(&d.ID, &d.CaseID, &on, &d.Decision, &until, &d.DecidedBy, &d.Reference, &d.RecordedBy, &at); err != nil {
			return nil, err
		}
		var errs [3]error
		d.DecidedOn, errs[0] = ident.ParseDate(on)
		d.KeepUntil, errs[1] = optionalDate(until)
		d.RecordedAt, errs[2] = parseTime(at)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		out[d.CaseID] = d
	}
	return out, rows.Err()
}

// retentionDecided is the audit detail of "retention.decided".
type retentionDecided struct {
	DecisionID int64  `json:"decision_id"`
	CaseID     int64  `json:"case_id"`
	Decision   string `json:"decision"`
	KeepUntil  string `json:"keep_until,omitempty"`
}

// RecordRetentionDecision records a decision about closed case d.CaseID's record
// (domain.CheckRetentionDecision), with audit "retention.decided", a lead's. Nothing is
// deleted: a decision to destroy is carried out outside the app.
func (s *Store) RecordRetentionDecision(ctx context.Context, actor string, at time.Time, d domain.RetentionDecision) (domain.RetentionDecision, error) {
	if err := s.checkChange(actor, at); err != nil {
		return domain.RetentionDecision{}, err
	}
	for _, t := range []string{d.DecidedBy, d.Reference} {
		if why := textProblem(t); why != "" {
			return domain.RetentionDecision{}, newError(ErrInvalid, s.path, "the decision %s", why)
		}
	}
	at = second(at)
	d.RecordedBy, d.RecordedAt = actor, at
	err := s.inTx(ctx, "recording a retention decision", func(tx *sql.Tx) error {
		var status string
		if err := tx.QueryRowContext(ctx, "SELECT status FROM cases WHERE id = ?", d.CaseID).Scan(&status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return newError(ErrNotFound, s.path, "case %d does not exist", d.CaseID)
			}
			return err
		}
		if err := domain.CheckRetentionDecision(d, status == "closed", londonDay(at)); err != nil {
			return &Error{Kind: ErrInvalid, Path: s.path, Msg: err.Error(), Cause: err}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO retention_decisions (case_id, decided_on, decision, keep_until,
			decided_by, reference, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.CaseID, d.DecidedOn.String(),
			d.Decision, null(d.KeepUntil.String()), d.DecidedBy, null(d.Reference), actor, formatTime(at))
		if err != nil {
			return err
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "retention.decided", "case", d.CaseID, retentionDecided{DecisionID: d.ID,
			CaseID: d.CaseID, Decision: d.Decision, KeepUntil: d.KeepUntil.String()})
	})
	if err != nil {
		return domain.RetentionDecision{}, err
	}
	return d, nil
}
