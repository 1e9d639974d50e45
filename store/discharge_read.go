package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// dischargeSelect reads a summary with the reopening that undid its closing, if any.
const dischargeSelect = `SELECT d.id, d.case_id, d.author_id, ifnull(d.closed_on, ''), ifnull(d.reason, ''),
	ifnull(d.transferred_to, ''), ifnull(d.words, ''), ifnull(d.died_on, ''),
	d.work_done, d.formulation, d.risk, d.services, d.told, d.revision, d.created_at, d.updated_at,
	ifnull(d.signed_at, ''), ifnull(d.hash, ''),
	ifnull(r.id, 0), ifnull(r.lead_id, 0), ifnull(r.reason, ''), ifnull(r.reopened_at, '')
	FROM discharge_summaries d LEFT JOIN case_reopenings r ON r.summary_id = d.id`

// dischargeSummary reads one summary; ErrNotFound if there is none.
func (s *Store) dischargeSummary(ctx context.Context, q querier, id int64) (domain.DischargeSummary, error) {
	rows, err := q.QueryContext(ctx, dischargeSelect+" WHERE d.id = ?", id)
	if err != nil {
		return domain.DischargeSummary{}, err
	}
	got, err := scanDischarges(rows)
	if err != nil {
		return domain.DischargeSummary{}, err
	}
	if len(got) == 0 {
		return domain.DischargeSummary{}, newError(ErrNotFound, s.path, "discharge summary %d does not exist", id)
	}
	return got[0], nil
}

// DischargeDraft returns the case's discharge summary in draft (any author's: the case
// has one at most), and false when there is none.
func (s *Store) DischargeDraft(ctx context.Context, caseID int64) (domain.DischargeSummary, bool, error) {
	if err := s.reader("read a discharge summary"); err != nil {
		return domain.DischargeSummary{}, false, err
	}
	rows, err := s.db.QueryContext(ctx, dischargeSelect+" WHERE d.case_id = ? AND d.signed_at IS NULL", caseID)
	if err != nil {
		return domain.DischargeSummary{}, false, normalise(err, s.path, s.busy, "reading a discharge summary")
	}
	got, err := scanDischarges(rows)
	if err != nil || len(got) == 0 {
		return domain.DischargeSummary{}, false, err
	}
	return got[0], true, nil
}

// DischargeSummaries returns the case's signed summaries, oldest first: each closed the
// case, and each but the last (or the last too, when the case is open again) carries
// the reopening that undid it. Drafts are never among them.
func (s *Store) DischargeSummaries(ctx context.Context, caseID int64) ([]domain.DischargeSummary, error) {
	if err := s.reader("read discharge summaries"); err != nil {
		return nil, err
	}
	out, err := s.signedDischarges(ctx, s.db, caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading discharge summaries")
	}
	return out, nil
}

func scanDischarges(rows *sql.Rows) ([]domain.DischargeSummary, error) {
	defer rows.Close()
	var out []domain.DischargeSummary
	for rows.Next() {
		var d domain.DischargeSummary
		var on, reason, died, created, updated, signed, reopenedAt string
		var r domain.Reopening
		parts := make([]string, len(domain.DischargeParts))
		dest := []any{&d.ID, &d.CaseID, &d.AuthorID, &on, &reason, &d.Closure.TransferredTo, &d.Closure.Words, &died}
		for i := range parts {
			dest = append(dest, &parts[i])
		}
		dest = append(dest, &d.Revision, &created, &updated, &signed, &d.Hash, &r.ID, &r.LeadID, &r.Reason, &reopenedAt)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		d.Closure.Reason = domain.ClosingReason(reason)
		d.Parts = map[domain.SectionID]string{}
		for i, p := range domain.DischargeParts {
			if parts[i] != "" {
				d.Parts[p.ID] = parts[i]
			}
		}
		var errs [6]error
		d.Closure.On, errs[0] = optionalDate(on)
		d.Closure.DiedOn, errs[1] = optionalDate(died)
		d.CreatedAt, errs[2] = parseTime(created)
		d.UpdatedAt, errs[3] = parseTime(updated)
		d.SignedAt, errs[4] = optionalTime(signed)
		if r.ID != 0 {
			r.CaseID, r.SummaryID = d.CaseID, d.ID
			r.ReopenedAt, errs[5] = parseTime(reopenedAt)
			d.Reopened = &r
		}
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// caseReopened is the audit detail of "case.reopened" (the reason is in the row, sealed).
type caseReopened struct {
	CaseID      int64 `json:"case_id"`
	SummaryID   int64 `json:"summary_id"`
	ReopeningID int64 `json:"reopening_id"`
}

// ReopenCase is lead leadID reopening closed case caseID with reason (domain
// CheckReopen): the last signed summary keeps its closing and gains the reopening; the
// case is open again. Audit "case.reopened", lead only (the permits table). A case that
// is open (reopened since it was shown) is refused.
func (s *Store) ReopenCase(ctx context.Context, leadID int64, at time.Time, caseID int64, reason string) (domain.Reopening, error) {
	actor := clinicianActor(leadID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Reopening{}, err
	}
	if why := textProblem(reason); why != "" {
		return domain.Reopening{}, newError(ErrInvalid, s.path, "the reason %s", why)
	}
	at = second(at)
	r := domain.Reopening{CaseID: caseID, LeadID: leadID, Reason: reason, ReopenedAt: at}
	err := s.inTx(ctx, "reopening a case", func(tx *sql.Tx) error {
		lead, err := s.clinicianByID(ctx, tx, leadID)
		if err != nil {
			return err
		}
		if !lead.Active {
			return deactivatedError(s.path, lead.Name)
		}
		if err := domain.CheckReopen(lead, reason); err != nil {
			kind := ErrInvalid
			if !lead.Leads() {
				kind = ErrForbidden
			}
			return &Error{Kind: kind, Path: s.path, Msg: err.Error(), Cause: err}
		}
		var status string
		if err := tx.QueryRowContext(ctx, "SELECT status FROM cases WHERE id = ?", caseID).Scan(&status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return newError(ErrNotFound, s.path, "case %d does not exist", caseID)
			}
			return err
		}
		if status != "closed" {
			return newError(ErrConflict, s.path, "case %d is open: someone reopened it since it was shown", caseID)
		}
		err = tx.QueryRowContext(ctx, `SELECT id FROM discharge_summaries WHERE case_id = ? AND signed_at IS NOT NULL
			AND id NOT IN (SELECT summary_id FROM case_reopenings) ORDER BY id DESC LIMIT 1`, caseID).Scan(&r.SummaryID)
		if errors.Is(err, sql.ErrNoRows) {
			return newError(ErrConflict, s.path, "case %d was closed without a discharge summary: it cannot be reopened here", caseID)
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO case_reopenings (case_id, summary_id, lead_id, reason, reopened_at)
			VALUES (?, ?, ?, ?, ?)`, caseID, r.SummaryID, leadID, reason, formatTime(at))
		if err != nil {
			return err
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE cases SET status = 'open' WHERE id = ?", caseID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "case.reopened", "case", caseID,
			caseReopened{CaseID: caseID, SummaryID: r.SummaryID, ReopeningID: r.ID})
	})
	if err != nil {
		return domain.Reopening{}, err
	}
	return r, nil
}
