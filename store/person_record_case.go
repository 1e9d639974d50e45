package store

import (
	"context"

	"caseload/internal/domain"
)

// A case in a person's record, read through the export's transaction (store
// ExportPersonRecord). The store's own readers of these (Notes, Formulations, Handovers,
// DischargeSummaries) read through its connection, which the transaction holds, and
// Notes and Formulations include drafts.

// caseRecord fills in a case's signed notes with their addenda, its signed formulation
// versions, release, forums, handovers and signed discharge summaries. A draft is read
// by none of these queries: each asks for signed_at IS NOT NULL (addenda and handovers
// are signed when made).
func (s *Store) caseRecord(ctx context.Context, q querier, c *domain.CaseRecord) error {
	id := c.Case.ID
	rows, err := q.QueryContext(ctx, noteSelect+" WHERE case_id = ? AND signed_at IS NOT NULL ORDER BY contact_at, id", id)
	if err != nil {
		return err
	}
	if c.Notes, err = s.scanNotes(rows); err != nil {
		return err
	}
	addenda, err := s.queryAddenda(ctx, q, ` JOIN notes n ON n.id = a.note_id WHERE n.case_id = ? AND n.signed_at IS NOT NULL
		ORDER BY a.note_id, a.id`, id)
	if err != nil {
		return err
	}
	for _, a := range addenda {
		for i := range c.Notes {
			if c.Notes[i].ID == a.NoteID {
				c.Notes[i].Addenda = append(c.Notes[i].Addenda, a)
			}
		}
	}
	if c.Formulations, err = s.signedFormulations(ctx, q, id); err != nil {
		return err
	}
	if c.Release, err = s.caseRelease(ctx, q, id); err != nil {
		return err
	}
	if c.ReleaseEvents, err = s.releaseEvents(ctx, q, id); err != nil {
		return err
	}
	if c.Forums.Involvements, err = s.involvements(ctx, q, id); err != nil {
		return err
	}
	if c.Forums.Meetings, err = s.meetings(ctx, q, meetingSelect+" WHERE m.case_id = ? ORDER BY m.meeting_date, m.id", id); err != nil {
		return err
	}
	if err = s.withActions(ctx, q, c.Forums.Meetings, "SELECT id FROM forum_meetings WHERE case_id = ?", id); err != nil {
		return err
	}
	if c.Handovers, err = s.caseHandovers(ctx, q, id); err != nil {
		return err
	}
	c.Discharges, err = s.signedDischarges(ctx, q, id)
	return err
}

// signedFormulations are a case's signed formulation versions, oldest first.
func (s *Store) signedFormulations(ctx context.Context, q querier, caseID int64) ([]domain.Formulation, error) {
	rows, err := q.QueryContext(ctx, formulationSelect+" WHERE case_id = ? AND signed_at IS NOT NULL ORDER BY version", caseID)
	if err != nil {
		return nil, err
	}
	var fs []domain.Formulation
	for rows.Next() {
		f, err := s.scanFormulation(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		fs = append(fs, f)
	}
	return fs, errorsOf(rows)
}

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
