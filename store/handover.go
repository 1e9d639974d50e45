package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"caseload/internal/domain"
)

// caseHandedOver is the audit detail of "case.handed_over".
type caseHandedOver struct {
	CaseID     int64  `json:"case_id"`
	HandoverID int64  `json:"handover_id"`
	From       int64  `json:"from_clinician_id,omitempty"`
	To         int64  `json:"to_clinician_id"`
	OverCap    bool   `json:"over_cap,omitempty"`
	Hash       string `json:"hash"`
}

// HandOver is clinician byID passing open case h.CaseID to clinician h.To with a signed
// handover note (docs/RULES.md, "Handover"), in one transaction with the audit entry
// "case.handed_over". seenFrom is the case's clinician as the form showed it (0: none):
// a case handed over since is refused with ErrConflict. It is refused unless byID is a
// lead or the case's own clinician (ErrForbidden), h.To is an active member of the team
// who holds cases and not the case's clinician already, and the note says something.
// When h.To already holds the caseload cap (the setting), it is refused with ErrInvalid
// unwrapping to domain.ErrOverCap unless h.OverCapReason says why. It returns the
// handover as signed.
func (s *Store) HandOver(ctx context.Context, byID int64, at time.Time, h domain.Handover, seenFrom int64) (domain.Handover, error) {
	actor := clinicianActor(byID)
	if err := s.checkChange(actor, at); err != nil {
		return domain.Handover{}, err
	}
	for _, t := range []string{h.Note, h.OverCapReason} {
		if why := textProblem(t); why != "" {
			return domain.Handover{}, newError(ErrInvalid, s.path, "the handover %s", why)
		}
	}
	if strings.TrimSpace(h.Note) == "" {
		return domain.Handover{}, newError(ErrInvalid, s.path, "the handover note is empty: say what the new clinician needs to know")
	}
	h.By, h.SignedAt = byID, second(at)
	h.OverCapReason = strings.TrimSpace(h.OverCapReason)
	err := s.inTx(ctx, "handing over a case", func(tx *sql.Tx) error {
		by, err := s.clinicianByID(ctx, tx, byID)
		if err != nil {
			return err
		}
		if !by.Active {
			return deactivatedError(s.path, by.Name)
		}
		if err := s.caseOpen(ctx, tx, h.CaseID); err != nil {
			return err
		}
		var from sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT allocated_clinician_id FROM cases WHERE id = ?", h.CaseID).Scan(&from); err != nil {
			return err
		}
		h.From = from.Int64
		if h.From != seenFrom {
			return newError(ErrConflict, s.path, "case %d was handed over since it was shown: look again before handing it over", h.CaseID)
		}
		if !by.Leads() && by.ID != h.From {
			return newError(ErrForbidden, s.path, "%s may not hand over this case: only a lead or the case's own clinician may", by.Name)
		}
		to, err := s.clinicianByID(ctx, tx, h.To)
		if err != nil {
			return err
		}
		switch {
		case h.To == h.From:
			return newError(ErrInvalid, s.path, "%s already holds this case", to.Name)
		case !to.Active:
			return newError(ErrInvalid, s.path, "%s has been deactivated: choose an active clinician", to.Name)
		case to.Access == domain.AccessAdmin:
			return newError(ErrInvalid, s.path, "%s is IT (admin) and holds no cases: choose a clinician or a lead", to.Name)
		}
		past, err := s.allocationPastCap(ctx, tx, h.To, h.OverCapReason)
		if err != nil {
			return err
		}
		over := past.overTheCap
		if !over {
			h.OverCapReason = ""
		}
		if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM handovers").Scan(&h.ID); err != nil {
			return err
		}
		h.Hash = domain.HandoverHash(h)
		if _, err := tx.ExecContext(ctx, `INSERT INTO handovers (id, case_id, from_clinician_id, to_clinician_id, by_id,
			note, over_cap_reason, signed_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, h.ID, h.CaseID, nullID(h.From), h.To,
			h.By, h.Note, null(h.OverCapReason), formatTime(h.SignedAt), h.Hash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE cases SET allocated_clinician_id = ? WHERE id = ?", h.To, h.CaseID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "case.handed_over", "case", h.CaseID, caseHandedOver{CaseID: h.CaseID,
			HandoverID: h.ID, From: h.From, To: h.To, OverCap: over, Hash: h.Hash})
	})
	if err != nil {
		return domain.Handover{}, err
	}
	return h, nil
}

// heldAndCap is how many open cases clinician id holds, and the service's cap.
func (s *Store) heldAndCap(ctx context.Context, q querier, id int64) (held, limit int, err error) {
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE allocated_clinician_id = ? AND status = 'open'", id).Scan(&held); err != nil {
		return 0, 0, err
	}
	v, err := settingValue(ctx, q, domain.SettingCaseloadCap)
	if err != nil {
		return 0, 0, err
	}
	return held, domain.CaseloadCap([]domain.Setting{{Key: domain.SettingCaseloadCap, Value: v}}), nil
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Handovers returns the case's handovers, oldest first.
func (s *Store) Handovers(ctx context.Context, caseID int64) ([]domain.Handover, error) {
	if err := s.reader("read handovers"); err != nil {
		return nil, err
	}
	out, err := s.caseHandovers(ctx, s.db, caseID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, "reading handovers")
	}
	return out, nil
}
