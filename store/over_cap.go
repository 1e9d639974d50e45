package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"caseload/internal/domain"
)

// pastCap is an allocation that takes a clinician past the caseload cap, with why; the
// zero value is an allocation within it.
type pastCap struct {
	clinician  int64
	held, cap  int
	reason     string
	overTheCap bool
}

// allocationPastCap refuses giving clinician one more case when they already hold the
// cap and reason says nothing (ErrInvalid unwrapping domain.ErrOverCap, naming who, how
// many and the cap), and otherwise says whether the allocation is past it
// (docs/RULES.md, "Caseload sizes").
func (s *Store) allocationPastCap(ctx context.Context, tx *sql.Tx, clinician int64, reason string) (pastCap, error) {
	held, limit, err := s.heldAndCap(ctx, tx, clinician)
	if err != nil || !domain.OverCap(held, limit) {
		return pastCap{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM clinicians WHERE id = ?", clinician).Scan(&name); err != nil {
			return pastCap{}, err
		}
		return pastCap{}, &Error{Kind: ErrInvalid, Path: s.path, Cause: domain.ErrOverCap, Msg: fmt.Sprintf(
			"%s holds %d open cases and the cap is %d: give a reason to allocate one more", name, held, limit)}
	}
	if why := textProblem(reason); why != "" {
		return pastCap{}, newError(ErrInvalid, s.path, "the reason %s", why)
	}
	return pastCap{clinician: clinician, held: held, cap: limit, reason: reason, overTheCap: true}, nil
}

// record keeps an allocation past the cap with case caseID; nothing within it. Its seal
// is the audit entry of the change that opened the case.
func (p pastCap) record(ctx context.Context, tx *sql.Tx, caseID int64, actor string, at time.Time) error {
	if !p.overTheCap {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO over_cap_allocations (case_id, clinician_id, held, cap, reason, recorded_by,
		recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, caseID, p.clinician, p.held, p.cap, p.reason, actor, formatTime(at))
	return err
}
