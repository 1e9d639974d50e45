package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"caseload/internal/domain"
)

// checklistJSON is how a screening's checklist is stored (the screenings.checklist
// CHECK holds it to this shape): explicit keys, so the record reads the same whatever
// the Go field names become, and window_opens_on null when the release is not known.
type checklistJSON struct {
	Verdict       string     `json:"verdict"`
	WindowOpensOn *string    `json:"window_opens_on"`
	Rules         []ruleJSON `json:"rules"`
}

type ruleJSON struct {
	ID     string `json:"id"`
	Result string `json:"result"`
	Reason string `json:"reason"`
}

func checklistOf(e domain.Eligibility) checklistJSON {
	c := checklistJSON{Verdict: string(e.Verdict), Rules: make([]ruleJSON, 0, len(e.Rules))}
	if !e.WindowOpensOn.IsZero() {
		opens := e.WindowOpensOn.String()
		c.WindowOpensOn = &opens
	}
	for _, r := range e.Rules {
		c.Rules = append(c.Rules, ruleJSON{ID: string(r.ID), Result: string(r.Result), Reason: r.Reason})
	}
	return c
}

func (c checklistJSON) eligibility() (domain.Eligibility, error) {
	e := domain.Eligibility{Verdict: domain.Verdict(c.Verdict)}
	if c.WindowOpensOn != nil {
		if err := e.WindowOpensOn.UnmarshalText([]byte(*c.WindowOpensOn)); err != nil {
			return e, err
		}
	}
	for _, r := range c.Rules {
		e.Rules = append(e.Rules, domain.Rule{ID: domain.RuleID(r.ID), Result: domain.Result(r.Result), Reason: r.Reason})
	}
	return e, nil
}

// Screening returns the screening decision on a referral, and false when it has not
// been screened through ScreenReferral (a referral imported as already screened has
// its status and screened_at, but no decision to show).
func (s *Store) Screening(ctx context.Context, referralID int64) (domain.ScreeningDecision, bool, error) {
	if err := s.reader("read a screening decision"); err != nil {
		return domain.ScreeningDecision{}, false, err
	}
	return s.screening(ctx, s.db, referralID)
}

// screening is Screening read through q (the transaction of a whole record's export).
func (s *Store) screening(ctx context.Context, q rowQuerier, referralID int64) (domain.ScreeningDecision, bool, error) {
	const what = "reading a screening decision"
	var (
		d                      domain.ScreeningDecision
		outcome, at, checklist string
		reason                 sql.NullString
	)
	err := q.QueryRowContext(ctx, `SELECT referral_id, outcome, reason, decided_by, decided_at, within_48h, checklist
		FROM screenings WHERE referral_id = ?`, referralID).
		Scan(&d.ReferralID, &outcome, &reason, &d.DecidedBy, &at, &d.WithinWindow, &checklist)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, normalise(err, s.path, s.busy, what)
	}
	d.Outcome, d.Reason = domain.ScreeningOutcome(outcome), reason.String
	var c checklistJSON
	if d.DecidedAt, err = parseTime(at); err == nil {
		if err = json.Unmarshal([]byte(checklist), &c); err == nil {
			d.Checklist, err = c.eligibility()
		}
	}
	if err == nil {
		err = s.screeningEntry(ctx, q, &d)
	}
	if err != nil {
		// The CHECKs admit only well-formed values: the file was changed behind our back.
		return d, false, newError(ErrCorrupt, s.path, "the screening of referral %d in %s is malformed: %v", referralID, s.path, err)
	}
	return d, true, nil
}

// screeningEntryAt is when a referral's screening was entered and why later, and the
// deadline rule it was judged under: from its audit entry (docs/RULES.md, "When a
// decision was made", "Screening deadline").
const screeningEntryAt = `SELECT a.at, ifnull(json_extract(a.detail, '$.late_reason'), ''),
	ifnull(json_extract(a.detail, '$.deadline_rule'), ''), json_extract(a.detail, '$.within_deadline') FROM audit a
	WHERE a.entity = 'referral' AND a.entity_id = ? AND a.action = 'referral.screened' ORDER BY a.id DESC LIMIT 1`

// screeningEntry fills in what the audit entry of d's screening holds: when it was
// entered, why later, and the deadline rule in force then with whether it was met. A
// screening with no entry reads as entered when decided; one audited before the rule
// was a setting was judged by 48 hours.
func (s *Store) screeningEntry(ctx context.Context, q rowQuerier, d *domain.ScreeningDecision) error {
	var at, rule string
	var within sql.NullBool
	d.EnteredAt, d.DeadlineRule, d.WithinDeadline = d.DecidedAt, domain.Deadline48Hours, d.WithinWindow
	err := q.QueryRowContext(ctx, screeningEntryAt, d.ReferralID).Scan(&at, &d.LateReason, &rule, &within)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if rule != "" {
		if d.DeadlineRule, err = domain.ParseDeadlineRule(rule); err != nil {
			return err
		}
	}
	if within.Valid {
		d.WithinDeadline = within.Bool
	}
	d.EnteredAt, err = parseTime(at)
	return err
}

// ScreeningsEntered is when each screening recorded in caseload was entered, by
// referral id: the time `referrals list` gives as screening_entered_at beside
// screened_at, when it was made. A referral imported as screened has none.
func (s *Store) ScreeningsEntered(ctx context.Context) (map[int64]time.Time, error) {
	if err := s.reader("read the screening decisions"); err != nil {
		return nil, err
	}
	const what = "reading when the screenings were entered"
	rows, err := s.db.QueryContext(ctx, `SELECT s.referral_id, s.decided_at, ifnull((SELECT a.at FROM audit a
		WHERE a.entity = 'referral' AND a.entity_id = s.referral_id AND a.action = 'referral.screened'
		ORDER BY a.id DESC LIMIT 1), s.decided_at) FROM screenings s`)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var decided, entered string
		if err := rows.Scan(&id, &decided, &entered); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		t, err := parseTime(entered)
		if err != nil {
			return nil, newError(ErrCorrupt, s.path, "the screening of referral %d in %s has a bad entry time %q", id, s.path, entered)
		}
		out[id] = t
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}

// Withdrawal returns why and when a referral was withdrawn, and false if it was not.
func (s *Store) Withdrawal(ctx context.Context, referralID int64) (domain.Withdrawal, bool, error) {
	if err := s.reader("read a withdrawal"); err != nil {
		return domain.Withdrawal{}, false, err
	}
	return s.withdrawal(ctx, s.db, referralID)
}

// withdrawal is Withdrawal read through q.
func (s *Store) withdrawal(ctx context.Context, q rowQuerier, referralID int64) (domain.Withdrawal, bool, error) {
	var w domain.Withdrawal
	var at string
	err := q.QueryRowContext(ctx, `SELECT referral_id, reason, withdrawn_by, withdrawn_at
		FROM withdrawals WHERE referral_id = ?`, referralID).Scan(&w.ReferralID, &w.Reason, &w.By, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return w, false, nil
	}
	if err != nil {
		return w, false, normalise(err, s.path, s.busy, "reading a withdrawal")
	}
	if w.At, err = parseTime(at); err != nil {
		return w, false, newError(ErrCorrupt, s.path, "the withdrawal of referral %d in %s has a bad time %q", referralID, s.path, at)
	}
	return w, true, nil
}

// caseSelect reads cases; a case with no clinician reads as AllocatedClinicianID 0.
const caseSelect = `SELECT id, referral_id, person_id, ifnull(allocated_clinician_id, 0), opened_at, status FROM cases`

// CaseForReferral returns the case a referral opened, and false if it opened none.
func (s *Store) CaseForReferral(ctx context.Context, referralID int64) (domain.Case, bool, error) {
	if err := s.reader("open a case"); err != nil {
		return domain.Case{}, false, err
	}
	c, err := s.scanCase(s.db.QueryRowContext(ctx, caseSelect+" WHERE referral_id = ?", referralID))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, err
	}
	return c, true, nil
}

// Cases returns every case, open or closed, ordered by id.
func (s *Store) Cases(ctx context.Context) ([]domain.Case, error) {
	if err := s.reader("list the cases"); err != nil {
		return nil, err
	}
	const what = "reading the cases"
	rows, err := s.db.QueryContext(ctx, caseSelect+" ORDER BY id")
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var cs []domain.Case
	for rows.Next() {
		c, err := s.scanCase(rows)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return cs, nil
}

// scanCase returns sql.ErrNoRows as it is, so CaseForReferral can tell "none" apart.
func (s *Store) scanCase(row scanner) (domain.Case, error) {
	var c domain.Case
	var at, status string
	err := row.Scan(&c.ID, &c.ReferralID, &c.PersonID, &c.AllocatedClinicianID, &at, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	if err != nil {
		return c, normalise(err, s.path, s.busy, "reading a case")
	}
	c.Status = domain.CaseStatus(status)
	if c.OpenedAt, err = parseTime(at); err != nil {
		return c, newError(ErrCorrupt, s.path, "case %d in %s has a bad opening time %q", c.ID, s.path, at)
	}
	return c, nil
}
