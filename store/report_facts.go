package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/report"
)

// ReportFacts reads what a report over the London days from to to is built from
// (report.Build; docs/RULES.md, "Reports"), in one read-only snapshot so every figure
// is of the same moment: the referrals received up to the period's end with their
// screening, consultations and withdrawal (the stand-in referrals `cases import` makes
// are not referrals the team received and are left out), every case with its release
// facts and signed closings, the signed scores and transition outcomes, and the team.
// A handful of queries whatever the size. It reads clinical records, so IT (admin) is
// refused.
func (s *Store) ReportFacts(ctx context.Context, from, to ident.Date) (report.Facts, error) {
	if err := s.reader("read the reports"); err != nil {
		return report.Facts{}, err
	}
	const what = "reading the figures for a report"
	if err := s.checkPeriod(from, to); err != nil {
		return report.Facts{}, err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return report.Facts{}, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	f, err := s.reportFacts(ctx, tx, to)
	if err != nil {
		return report.Facts{}, normalise(err, s.path, s.busy, what)
	}
	return f, nil
}

// checkPeriod refuses a period that is not two real days, the first not after the last.
func (s *Store) checkPeriod(from, to ident.Date) error {
	for _, d := range []ident.Date{from, to} {
		if why := dateProblem(d); d.IsZero() || why != "" {
			return newError(ErrInvalid, s.path, "the report's period %s", orMissing(why))
		}
	}
	if to.Before(from) {
		return newError(ErrInvalid, s.path, "the report's period ends (%s) before it starts (%s)", to, from)
	}
	return nil
}

// reportFacts reads a report's facts up to the period's last day, to, in tx.
func (s *Store) reportFacts(ctx context.Context, tx *sql.Tx, to ident.Date) (report.Facts, error) {
	var f report.Facts
	// Received before the London midnight that ends the period: nothing received later
	// can have been decided in it.
	end := to.AddDays(1).In(clock.London()).UTC().Format(time.RFC3339)
	reads := []func() error{
		func() (err error) { f.Referrals, err = reportReferrals(ctx, tx, end); return err },
		func() (err error) { f.Cases, err = s.reportCases(ctx, tx); return err },
		func() (err error) { f.Clinicians, err = reportClinicians(ctx, tx); return err },
		func() (err error) {
			f.Scores, err = s.measureScores(ctx, tx, " ORDER BY m.case_id, m.taken_on, m.id")
			return err
		},
		func() (err error) { f.Transitions, err = s.transitionOutcomes(ctx, tx, " ORDER BY t.id"); return err },
	}
	for _, read := range reads {
		if err := read(); err != nil {
			return report.Facts{}, err
		}
	}
	return f, nil
}

// reportReferrals reads the referrals received before end (UTC RFC 3339) with their
// decisions, in id order. screened_at is when the screening decision was made (Verify
// holds it equal to decided_at); a referral screened before decisions were recorded
// has no screening row, and its outcome is read from its status. A screening out's
// first failed criterion is looked up among the checklist's six rules (domain.RuleIDs)
// by index, which SQLite answers from one parse of the checklist; a json_each per row
// took three times as long over 20,000 (docs/PERFORMANCE.md).
func reportReferrals(ctx context.Context, q querier, end string) ([]report.Referral, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.person_id, r.source, ifnull(r.priority_group, 0),
		r.received_at, ifnull(r.screened_at, ''), r.status, ifnull(p.date_of_birth, ''),
		ifnull(s.outcome, ''), CASE WHEN s.outcome IS NOT 'out' THEN ''
			WHEN json_extract(s.checklist, '$.rules[0].result') = 'fail' THEN json_extract(s.checklist, '$.rules[0].id')
			WHEN json_extract(s.checklist, '$.rules[1].result') = 'fail' THEN json_extract(s.checklist, '$.rules[1].id')
			WHEN json_extract(s.checklist, '$.rules[2].result') = 'fail' THEN json_extract(s.checklist, '$.rules[2].id')
			WHEN json_extract(s.checklist, '$.rules[3].result') = 'fail' THEN json_extract(s.checklist, '$.rules[3].id')
			WHEN json_extract(s.checklist, '$.rules[4].result') = 'fail' THEN json_extract(s.checklist, '$.rules[4].id')
			WHEN json_extract(s.checklist, '$.rules[5].result') = 'fail' THEN json_extract(s.checklist, '$.rules[5].id')
			ELSE '' END,
		ifnull(w.withdrawn_at, '')
		FROM referrals r JOIN people p ON p.id = r.person_id
		LEFT JOIN screenings s ON s.referral_id = r.id
		LEFT JOIN withdrawals w ON w.referral_id = r.id
		WHERE r.imported = 0 AND r.received_at < ? ORDER BY r.id`, end)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Referral
	index := map[int64]int{}
	for rows.Next() {
		var r report.Referral
		var source, received, screened, status, dob, outcome, failed, withdrawn string
		if err := rows.Scan(&r.ID, &r.PersonID, &source, &r.PriorityGroup, &received, &screened, &status,
			&dob, &outcome, &failed, &withdrawn); err != nil {
			return nil, err
		}
		r.Source, r.Status = domain.Source(source), domain.ReferralStatus(status)
		var errs [4]error
		r.ReceivedAt, errs[0] = parseTime(received)
		r.DateOfBirth, errs[1] = optionalDate(dob)
		if screened != "" {
			d := &report.ScreeningDecision{Outcome: domain.ScreeningOutcome(outcome), FailedRule: domain.RuleID(failed)}
			d.DecidedAt, errs[2] = parseTime(screened)
			if outcome == "" {
				d.Outcome = domain.ScreenedIn
				if r.Status == domain.StatusScreenedOut {
					d.Outcome = domain.ScreenedOut
				}
			}
			r.Screening = d
		}
		if withdrawn != "" {
			w := &report.Withdrawal{}
			w.At, errs[3] = parseTime(withdrawn)
			r.Withdrawal = w
		}
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		index[r.ID] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, attachConsultations(ctx, q, out, index)
}

// attachConsultations reads every consultation onto its referral, oldest first.
func attachConsultations(ctx context.Context, q querier, rs []report.Referral, index map[int64]int) error {
	rows, err := q.QueryContext(ctx, "SELECT referral_id, meeting_date, outcome FROM consultations ORDER BY referral_id, id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var on, outcome string
		if err := rows.Scan(&id, &on, &outcome); err != nil {
			return err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		d, err := ident.ParseDate(on)
		if err != nil {
			return err
		}
		rs[i].Consultations = append(rs[i].Consultations,
			report.ConsultationDecision{MeetingDate: d, Outcome: domain.ConsultationOutcome(outcome)})
	}
	return rows.Err()
}

// reportCases reads every case, open or closed, with its release facts and history
// (casesOnPathwayWhere, shared with the pathway's screens) and its signed closings,
// in id order.
func (s *Store) reportCases(ctx context.Context, tx *sql.Tx) ([]report.Case, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, referral_id, person_id, ifnull(allocated_clinician_id, 0), opened_at
		FROM cases ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Case
	index := map[int64]int{}
	for rows.Next() {
		var c report.Case
		var opened string
		if err := rows.Scan(&c.ID, &c.ReferralID, &c.PersonID, &c.ClinicianID, &opened); err != nil {
			return nil, err
		}
		if c.OpenedAt, err = parseTime(opened); err != nil {
			return nil, err
		}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	paths, err := s.casesOnPathwayWhere(ctx, tx, allCases)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		if i, ok := index[p.CaseID]; ok {
			out[i].Release = p.Release
		}
	}
	return out, attachClosings(ctx, tx, out, index)
}

// attachClosings reads every signed discharge summary onto its case, oldest first,
// with the London day a lead reopened the case it closed.
func attachClosings(ctx context.Context, q querier, cs []report.Case, index map[int64]int) error {
	rows, err := q.QueryContext(ctx, `SELECT d.case_id, d.closed_on, d.reason, ifnull(o.reopened_at, '')
		FROM discharge_summaries d LEFT JOIN case_reopenings o ON o.summary_id = d.id
		WHERE d.signed_at IS NOT NULL ORDER BY d.case_id, d.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var on, reason, reopened string
		if err := rows.Scan(&id, &on, &reason, &reopened); err != nil {
			return err
		}
		cl := report.Closing{Reason: domain.ClosingReason(reason)}
		if cl.On, err = ident.ParseDate(on); err != nil {
			return err
		}
		if reopened != "" {
			t, err := parseTime(reopened)
			if err != nil {
				return err
			}
			cl.Reopened = ident.DateOf(t.In(clock.London()))
		}
		if i, ok := index[id]; ok {
			cs[i].Closings = append(cs[i].Closings, cl)
		}
	}
	return rows.Err()
}

// reportClinicians reads the team by id and name, for a lead's figures.
func reportClinicians(ctx context.Context, q querier) ([]report.Clinician, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, name FROM clinicians ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Clinician
	for rows.Next() {
		var c report.Clinician
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
