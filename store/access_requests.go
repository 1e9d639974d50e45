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

// The audit actions of a subject access request.
const (
	actionAccessRequestRecorded = "access_request.recorded"
	actionAccessRequestExtended = "access_request.extended"
	actionAccessRequestAnswered = "access_request.answered"
)

// accessRequestAudit is the detail of "access_request.*": ids and days, never who asked.
type accessRequestAudit struct {
	RequestID int64  `json:"request_id"`
	PersonID  int64  `json:"person_id"`
	Due       string `json:"due_on"`
}

// RecordAccessRequest records a person's request for their record (docs/RULES.md,
// "Subject access"): due a calendar month after it was received. Audit
// "access_request.recorded", a lead's (the permits table). It returns the request.
func (s *Store) RecordAccessRequest(ctx context.Context, actor string, at time.Time, a domain.AccessRequest) (domain.AccessRequest, error) {
	if err := s.checkChange(actor, at); err != nil {
		return domain.AccessRequest{}, err
	}
	at = second(at)
	if err := domain.CheckAccessRequest(a, londonDay(at)); err != nil {
		return domain.AccessRequest{}, &Error{Kind: ErrInvalid, Path: s.path, Msg: err.Error(), Cause: err}
	}
	a.DueOn = domain.AccessRequestDue(a.ReceivedOn)
	a.RecordedBy, a.RecordedAt = actor, at
	a.ExtendedTo, a.ExtensionReason, a.AnsweredOn = ident.Date{}, "", ident.Date{}
	err := s.inTx(ctx, "recording a subject access request", func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM people WHERE id = ?", a.PersonID).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return newError(ErrNotFound, s.path, "person %d does not exist", a.PersonID)
			}
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO access_requests (person_id, received_on, requested_by, due_on,
			recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`, a.PersonID, a.ReceivedOn.String(), a.RequestedBy,
			a.DueOn.String(), actor, formatTime(at))
		if err != nil {
			return err
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, actionAccessRequestRecorded, "person", a.PersonID,
			accessRequestAudit{RequestID: a.ID, PersonID: a.PersonID, Due: a.DueOn.String()})
	})
	if err != nil {
		return domain.AccessRequest{}, err
	}
	return a, nil
}

// ExtendAccessRequest extends open request id once, to a day at most two months after
// it was first due, with a reason (domain.CheckAccessExtension). Audit
// "access_request.extended".
func (s *Store) ExtendAccessRequest(ctx context.Context, actor string, at time.Time, id int64, to ident.Date, reason string) (domain.AccessRequest, error) {
	return s.changeAccessRequest(ctx, actor, at, id, actionAccessRequestExtended, func(tx *sql.Tx, a *domain.AccessRequest) error {
		if err := domain.CheckAccessExtension(*a, to, reason); err != nil {
			return &Error{Kind: ErrInvalid, Path: s.path, Msg: err.Error(), Cause: err}
		}
		if why := textProblem(reason); why != "" {
			return newError(ErrInvalid, s.path, "the reason %s", why)
		}
		a.ExtendedTo, a.ExtensionReason = to, reason
		_, err := tx.ExecContext(ctx, "UPDATE access_requests SET extended_to = ?, extension_reason = ? WHERE id = ? AND answered_on IS NULL AND extended_to IS NULL",
			to.String(), reason, id)
		return err
	})
}

// AnswerAccessRequest records open request id answered on (the record sent), a day not
// before it was received nor after today. Audit "access_request.answered".
func (s *Store) AnswerAccessRequest(ctx context.Context, actor string, at time.Time, id int64, on ident.Date) (domain.AccessRequest, error) {
	return s.changeAccessRequest(ctx, actor, at, id, actionAccessRequestAnswered, func(tx *sql.Tx, a *domain.AccessRequest) error {
		switch {
		case !a.Open():
			return newError(ErrConflict, s.path, "the request was answered on %s", a.AnsweredOn.Medium())
		case on.IsZero() || on.Before(a.ReceivedOn):
			return newError(ErrInvalid, s.path, "give the day the record was sent, not before the request was received (%s)", a.ReceivedOn.Medium())
		case on.After(londonDay(at)):
			return newError(ErrInvalid, s.path, "%s is after today: record the answer once it is sent", on.Medium())
		}
		a.AnsweredOn = on
		_, err := tx.ExecContext(ctx, "UPDATE access_requests SET answered_on = ? WHERE id = ? AND answered_on IS NULL", on.String(), id)
		return err
	})
}

// changeAccessRequest reads request id, lets change refuse or apply itself, and audits
// action, all in one transaction.
func (s *Store) changeAccessRequest(ctx context.Context, actor string, at time.Time, id int64, action string,
	change func(*sql.Tx, *domain.AccessRequest) error) (domain.AccessRequest, error) {
	if err := s.checkChange(actor, at); err != nil {
		return domain.AccessRequest{}, err
	}
	at = second(at)
	var a domain.AccessRequest
	err := s.inTx(ctx, "changing a subject access request", func(tx *sql.Tx) error {
		got, err := s.accessRequests(ctx, tx, " WHERE a.id = ?", id)
		if err != nil {
			return err
		}
		if len(got) == 0 {
			return newError(ErrNotFound, s.path, "subject access request %d does not exist", id)
		}
		a = got[0].AccessRequest
		if err := change(tx, &a); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, action, "person", a.PersonID,
			accessRequestAudit{RequestID: a.ID, PersonID: a.PersonID, Due: a.Due().String()})
	})
	if err != nil {
		return domain.AccessRequest{}, err
	}
	return a, nil
}

// OpenAccessRequests returns the requests not yet answered, the soonest due first, with
// the person's name.
func (s *Store) OpenAccessRequests(ctx context.Context) ([]domain.AccessRequestOn, error) {
	return s.listAccessRequests(ctx, openAccessRequests)
}

// AccessRequests returns every request, the newest received first.
func (s *Store) AccessRequests(ctx context.Context) ([]domain.AccessRequestOn, error) {
	return s.listAccessRequests(ctx, " ORDER BY a.received_on DESC, a.id DESC")
}

func (s *Store) listAccessRequests(ctx context.Context, where string) ([]domain.AccessRequestOn, error) {
	if err := s.reader("read subject access requests"); err != nil {
		return nil, err
	}
	got, err := s.accessRequests(ctx, s.db, where)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading subject access requests")
	}
	return got, nil
}

func (s *Store) accessRequests(ctx context.Context, q querier, where string, args ...any) ([]domain.AccessRequestOn, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.person_id, a.received_on, a.requested_by, a.due_on,
		ifnull(a.extended_to, ''), ifnull(a.extension_reason, ''), ifnull(a.answered_on, ''), a.recorded_by, a.recorded_at,
		trim(ifnull(p.given_name, '') || ' ' || ifnull(p.family_name, ''))
		FROM access_requests a JOIN people p ON p.id = a.person_id`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.AccessRequestOn
	for rows.Next() {
		var a domain.AccessRequestOn
		var received, due, extended, answered, recorded string
		if err := rows.Scan(&a.ID, &a.PersonID, &received, &a.RequestedBy, &due, &extended, &a.ExtensionReason,
			&answered, &a.RecordedBy, &recorded, &a.Person); err != nil {
			return nil, err
		}
		var errs [5]error
		a.ReceivedOn, errs[0] = ident.ParseDate(received)
		a.DueOn, errs[1] = ident.ParseDate(due)
		a.ExtendedTo, errs[2] = optionalDate(extended)
		a.AnsweredOn, errs[3] = optionalDate(answered)
		a.RecordedAt, errs[4] = parseTime(recorded)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// londonDay is the London calendar day of instant t.
func londonDay(t time.Time) ident.Date { return ident.DateOf(t.In(clock.London())) }
