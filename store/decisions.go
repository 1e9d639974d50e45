package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"caseload/internal/domain"
)

// The decisions on a referral (screening, consultation, withdrawal) are made inside
// the IMMEDIATE transaction that records them: the referral is read there, the domain
// decides on what was read, and the result is written before the lock is released. So
// two clinicians deciding on one referral at once take turns, and the second is judged
// against the first one's decision (domain.ErrTransition) rather than overwriting it.

// checkChange refuses a change that could not go in the audit, before any work is done.
func (s *Store) checkChange(actor string, at time.Time) error {
	if err := checkActor(actor); err != nil {
		return withPath(err, s.path)
	}
	if why := instantProblem(at); why != "" {
		return newError(ErrInvalid, s.path, "the time of the change %s", why)
	}
	return nil
}

// refused carries a rule of the service that the domain enforced out of the store: the
// message is the domain's own sentence, and the domain error stays reachable through
// Unwrap. A refused change of status is ErrConflict: it conflicts with what is now
// recorded, typically because someone else decided first. Anything else the person
// can put right is ErrInvalid.
func (s *Store) refused(err error) *Error {
	kind := ErrInvalid
	if errors.Is(err, domain.ErrTransition) {
		kind = ErrConflict
	}
	return &Error{Kind: kind, Path: s.path, Msg: oneLine.Replace(err.Error()), Cause: err}
}

// referralScreened is the audit detail of "referral.screened". The reason stays in the
// screenings row, which can never change; the audit keeps ids and codes.
type referralScreened struct {
	ReferralID int64  `json:"referral_id"`
	Outcome    string `json:"outcome"`
	Verdict    string `json:"verdict"`
	// Override marks screening in what the checklist did not find eligible (docs/RULES.md,
	// "Eligibility checklist": the override is audited), and Open names the criteria it overrode.
	Override  bool     `json:"override"`
	Open      []string `json:"open_criteria,omitempty"`
	Within48h bool     `json:"within_48h"`
	// WithinDeadline is whether it was decided by the deadline of DeadlineRule, the
	// screening-deadline setting in force when it was decided (docs/RULES.md,
	// "Screening deadline"); within_48h is always 48 elapsed hours.
	WithinDeadline bool   `json:"within_deadline"`
	DeadlineRule   string `json:"deadline_rule"`
	// DecidedAt is when the decision was made, EnteredAt when it was typed (the
	// entry's own time), and LateReason why it was typed later when it was
	// (docs/RULES.md, "When a decision was made"). The audit is where the entry time and
	// the reason are kept: screenings.decided_at is when it was made.
	DecidedAt  string `json:"decided_at"`
	EnteredAt  string `json:"entered_at"`
	LateReason string `json:"late_reason,omitempty"`
}

// ScreenReferral decides referral id in or out (domain.Screen) and records the decision
// with the checklist it was made on, the referral's new status and screened_at, and an
// audit entry "referral.screened". A decision the rules refuse is an *Error whose
// message is the domain's and which unwraps to the domain error: errors.Is(err,
// domain.ErrTransition) when the referral is no longer received (ErrConflict), a
// missing reason otherwise (ErrInvalid). Nothing is written then.
func (s *Store) ScreenReferral(ctx context.Context, actor string, at time.Time, id int64,
	outcome domain.ScreeningOutcome, reason string) (domain.ScreeningDecision, error) {
	return s.ScreenReferralAt(ctx, actor, at, id, outcome, reason, domain.DecisionTime{})
}

// ScreenReferralAt is ScreenReferral for a decision made at made.At (zero: at, when it
// is entered), earlier with made.Reason (domain.ScreenAt): screened_at and the 48 hours
// are when it was made; the audit entry keeps both times and the reason.
func (s *Store) ScreenReferralAt(ctx context.Context, actor string, at time.Time, id int64,
	outcome domain.ScreeningOutcome, reason string, made domain.DecisionTime) (domain.ScreeningDecision, error) {
	if err := s.checkChange(actor, at); err != nil {
		return domain.ScreeningDecision{}, err
	}
	var d domain.ScreeningDecision
	err := s.inTx(ctx, "screening a referral", func(tx *sql.Tx) error {
		r, err := s.referral(ctx, tx, id)
		if err != nil {
			return err
		}
		if r, d, err = domain.ScreenAt(r, outcome, reason, actor, at, made); err != nil {
			return s.refused(err)
		}
		checklist, err := json.Marshal(checklistOf(d.Checklist))
		if err != nil {
			return err
		}
		decidedAt := formatTime(d.DecidedAt)
		if _, err := tx.ExecContext(ctx, "UPDATE referrals SET status = ?, screened_at = ? WHERE id = ?",
			string(r.Status), decidedAt, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO screenings
			(referral_id, outcome, reason, decided_by, decided_at, within_48h, checklist) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, string(d.Outcome), null(d.Reason), d.DecidedBy, decidedAt, d.WithinWindow, string(checklist)); err != nil {
			return err
		}
		detail := referralScreened{ReferralID: id, Outcome: string(d.Outcome), Verdict: string(d.Checklist.Verdict),
			Within48h: d.WithinWindow, WithinDeadline: d.WithinDeadline, DeadlineRule: string(d.DeadlineRule), DecidedAt: decidedAt, EnteredAt: formatTime(d.EnteredAt), LateReason: d.LateReason}
		if d.Outcome == domain.ScreenedIn && d.Checklist.Verdict != domain.Eligible {
			detail.Override = true
			for _, rule := range d.Checklist.Open() {
				detail.Open = append(detail.Open, string(rule))
			}
		}
		return s.audit(ctx, tx, actor, at, "referral.screened", "referral", id, detail)
	})
	if err != nil {
		return domain.ScreeningDecision{}, err
	}
	return d, nil
}

// referralWithdrawn is the audit detail of "referral.withdrawn"; the reason is in the
// withdrawals row.
type referralWithdrawn struct {
	ReferralID int64  `json:"referral_id"`
	From       string `json:"from"`
}

// WithdrawReferral closes an open referral with a reason (domain.Withdraw): status
// withdrawn, a withdrawals row and an audit entry "referral.withdrawn", together. A
// referral already final is refused with domain.ErrTransition (ErrConflict).
func (s *Store) WithdrawReferral(ctx context.Context, actor string, at time.Time, id int64, reason string) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	return s.inTx(ctx, "withdrawing a referral", func(tx *sql.Tx) error {
		r, err := s.referral(ctx, tx, id)
		if err != nil {
			return err
		}
		from := r.Status
		if r, err = domain.Withdraw(r, reason); err != nil {
			return s.refused(err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE referrals SET status = ? WHERE id = ?", string(r.Status), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO withdrawals (referral_id, reason, withdrawn_by, withdrawn_at)
			VALUES (?, ?, ?, ?)`, id, reason, actor, formatTime(at)); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "referral.withdrawn", "referral", id,
			referralWithdrawn{ReferralID: id, From: string(from)})
	})
}

// audit appends one entry within tx, for the changes that write a single one.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, actor string, at time.Time, action, entity string, id int64, detail any) error {
	// The chain holds a clinician to their access and refuses one deactivated while
	// their session was open, whatever screen they were on (permit).
	c, err := openChain(ctx, tx)
	if err != nil {
		return err
	}
	_, err = c.append(ctx, actor, at, action, entity, id, detail)
	return err
}

// clinicianOf is the clinician an audit actor names ("clinician:N"), if it names one.
func clinicianOf(actor string) (int64, bool) {
	rest, ok := strings.CutPrefix(actor, "clinician:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}
