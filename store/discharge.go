package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/domain"
)

// dischargeDraftSaved is the audit detail of "case.discharge_draft_saved": ids only.
type dischargeDraftSaved struct {
	SummaryID int64 `json:"summary_id"`
	CaseID    int64 `json:"case_id"`
	Created   bool  `json:"created"`
}

// caseClosed is the audit detail of "case.closed": the reason's code and the hash of
// the signed summary, which Verify can hold against the row.
type caseClosed struct {
	CaseID    int64  `json:"case_id"`
	SummaryID int64  `json:"summary_id"`
	Reason    string `json:"reason"`
	ClosedOn  string `json:"closed_on"`
	Hash      string `json:"hash"`
}

// SaveDischargeDraft saves the discharge summary clinicianID is writing on an open case,
// as they type, as SaveNoteDraft saves a note: with d.ID 0 it starts the case's one
// draft, otherwise it replaces the clinician's own draft d.ID provided d.Revision is
// still its latest (ErrStale otherwise, ErrConflict once signed). A draft may be
// incomplete; what it holds must fit (a known reason, text within MaxTextBytes). Audit
// "case.discharge_draft_saved" (ids only). It returns the draft as stored.
func (s *Store) SaveDischargeDraft(ctx context.Context, clinicianID int64, at time.Time, d domain.DischargeSummary) (domain.DischargeSummary, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.DischargeSummary{}, err
	}
	if why := dischargeProblem(d); why != "" {
		return domain.DischargeSummary{}, newError(ErrInvalid, s.path, "%s", why)
	}
	at = second(at)
	var saved domain.DischargeSummary
	err := s.inTx(ctx, "saving a discharge summary", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		created := d.ID == 0
		if created {
			if err := s.caseOpen(ctx, tx, d.CaseID); err != nil {
				return err
			}
			var held int64
			switch err := tx.QueryRowContext(ctx, "SELECT id FROM discharge_summaries WHERE case_id = ? AND signed_at IS NULL",
				d.CaseID).Scan(&held); {
			case err == nil:
				old, err := s.dischargeSummary(ctx, tx, held)
				if err != nil {
					return err
				}
				return s.refuseStale(ctx, tx, at, dischargeStale(old, 0))
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO discharge_summaries (case_id, author_id, closed_on, reason,
				transferred_to, words, died_on, work_done, formulation, risk, services, told, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(append([]any{d.CaseID, clinicianID},
				dischargeColumns(d)...), formatTime(at), formatTime(at))...)
			if err != nil {
				return err
			}
			if d.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			old, err := s.dischargeSummary(ctx, tx, d.ID)
			if err != nil {
				return err
			}
			switch {
			case old.Signed() || d.Revision != old.Revision:
				return s.refuseStale(ctx, tx, at, dischargeStale(old, d.Revision))
			case old.AuthorID != clinicianID:
				return s.notAuthor("discharge summary", old.ID, old.AuthorID)
			}
			_, err = tx.ExecContext(ctx, `UPDATE discharge_summaries SET closed_on = ?, reason = ?, transferred_to = ?,
				words = ?, died_on = ?, work_done = ?, formulation = ?, risk = ?, services = ?, told = ?,
				updated_at = ?, revision = revision + 1 WHERE id = ? AND signed_at IS NULL AND revision = ?`,
				append(dischargeColumns(d), formatTime(at), d.ID, d.Revision)...)
			if err != nil {
				return err
			}
		}
		var err error
		if saved, err = s.dischargeSummary(ctx, tx, d.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "case.discharge_draft_saved", "case", saved.CaseID,
			dischargeDraftSaved{SummaryID: saved.ID, CaseID: saved.CaseID, Created: created})
	})
	if err != nil {
		return domain.DischargeSummary{}, err
	}
	return saved, nil
}

// CloseCase signs clinicianID's discharge summary id exactly as it stood at revision
// and closes its case, in one transaction with the audit entry "case.closed": the
// summary's rules (domain CheckForClosing: the author, the closure's own rules, every
// part written), signed_at and the hash, and the case's status. A summary saved since,
// or a case closed since, is refused. It returns the signed summary.
func (s *Store) CloseCase(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.DischargeSummary, error) {
	actor := clinicianActor(clinicianID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.DischargeSummary{}, err
	}
	at = second(at)
	var d domain.DischargeSummary
	err := s.inTx(ctx, "closing a case", func(tx *sql.Tx) error {
		if err := s.activeClinician(ctx, tx, clinicianID); err != nil {
			return err
		}
		var err error
		if d, err = s.dischargeSummary(ctx, tx, id); err != nil {
			return err
		}
		if d.Signed() || (d.AuthorID == clinicianID && d.Revision != revision) {
			return s.refuseStale(ctx, tx, at, dischargeStale(d, revision))
		}
		if err := s.caseOpen(ctx, tx, d.CaseID); err != nil {
			return err
		}
		var opened string
		if err := tx.QueryRowContext(ctx, "SELECT opened_at FROM cases WHERE id = ?", d.CaseID).Scan(&opened); err != nil {
			return err
		}
		openedAt, err := parseTime(opened)
		if err != nil {
			return err
		}
		if err := d.CheckForClosing(clinicianID, openedAt, at); err != nil {
			return s.refusedRecord(err)
		}
		d.SignedAt = at
		d.Hash = domain.DischargeHash(d)
		if _, err := tx.ExecContext(ctx, "UPDATE discharge_summaries SET signed_at = ?, hash = ? WHERE id = ? AND signed_at IS NULL AND revision = ?",
			formatTime(at), d.Hash, id, revision); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE cases SET status = 'closed' WHERE id = ? AND status = 'open'", d.CaseID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "case.closed", "case", d.CaseID, caseClosed{CaseID: d.CaseID, SummaryID: d.ID,
			Reason: string(d.Closure.Reason), ClosedOn: d.Closure.On.String(), Hash: d.Hash})
	})
	if err != nil {
		return domain.DischargeSummary{}, err
	}
	return d, nil
}

// caseOpen refuses a case that does not exist, or is closed.
func (s *Store) caseOpen(ctx context.Context, tx *sql.Tx, caseID int64) error {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM cases WHERE id = ?", caseID).Scan(&status)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return newError(ErrNotFound, s.path, "case %d does not exist", caseID)
	case err != nil:
		return err
	case status != "open":
		e := newError(ErrConflict, s.path, "case %d is closed: a lead reopens it before anything more is written on it", caseID)
		e.Cause = domain.ErrCaseClosed
		return e
	}
	return nil
}

// dischargeStale describes the latest state of summary d for refuseStale.
func dischargeStale(d domain.DischargeSummary, tried int) *StaleError {
	at := d.UpdatedAt
	if d.Signed() {
		at = d.SignedAt
	}
	return &StaleError{Record: "discharge summary", ID: d.ID, Revision: d.Revision, ByID: d.AuthorID, At: at,
		Signed: d.Signed(), Tried: tried}
}

// dischargeProblem checks what a draft may hold.
func dischargeProblem(d domain.DischargeSummary) string {
	if d.Closure.Reason != "" {
		if _, err := domain.ParseClosingReason(string(d.Closure.Reason)); err != nil {
			return err.Error()
		}
	}
	for _, p := range domain.DischargeParts {
		if why := textProblem(d.Parts[p.ID]); why != "" {
			return p.Title + " " + why
		}
	}
	for _, t := range []string{d.Closure.TransferredTo, d.Closure.Words} {
		if why := textProblem(t); why != "" {
			return "the closing " + why
		}
	}
	return ""
}

// dischargeColumns are the draft's columns in the order the statements above name them.
func dischargeColumns(d domain.DischargeSummary) []any {
	c := d.Closure
	out := []any{null(c.On.String()), null(string(c.Reason)), null(c.TransferredTo), null(c.Words), null(c.DiedOn.String())}
	for _, p := range domain.DischargeParts {
		out = append(out, d.Parts[p.ID])
	}
	return out
}
