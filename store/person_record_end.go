package store

import (
	"context"

	"caseload/internal/domain"
)

// The end of a case in a person's record, read through the export's transaction:
// Handovers and DischargeSummaries (store/handover.go, store/discharge_read.go) read
// through the store's connection, which the transaction holds.

// caseHandovers are the case's handovers, oldest first (each signed when made).
func (s *Store) caseHandovers(ctx context.Context, q querier, caseID int64) ([]domain.Handover, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, ifnull(from_clinician_id, 0), to_clinician_id, by_id, note,
		ifnull(over_cap_reason, ''), signed_at, hash FROM handovers WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	var out []domain.Handover
	for rows.Next() {
		var h domain.Handover
		var signed string
		err := rows.Scan(&h.ID, &h.CaseID, &h.From, &h.To, &h.By, &h.Note, &h.OverCapReason, &signed, &h.Hash)
		if err == nil {
			h.SignedAt, err = parseTime(signed)
		}
		if err != nil {
			rows.Close()
			return nil, newError(ErrCorrupt, s.path, "a handover of case %d in %s is malformed: %v", caseID, s.path, err)
		}
		out = append(out, h)
	}
	return out, errorsOf(rows)
}

// signedDischarges are the case's signed discharge summaries, oldest first, each with
// the reopening that undid its closing: never a draft.
func (s *Store) signedDischarges(ctx context.Context, q querier, caseID int64) ([]domain.DischargeSummary, error) {
	rows, err := q.QueryContext(ctx, dischargeSelect+" WHERE d.case_id = ? AND d.signed_at IS NOT NULL ORDER BY d.id", caseID)
	if err != nil {
		return nil, err
	}
	return scanDischarges(rows)
}
