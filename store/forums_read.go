package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// meetingColumns are a meeting's columns without its actions, as scanMeeting reads
// them; the nullable texts read as "".
const meetingColumns = `m.id, m.case_id, m.kind, m.meeting_date, ifnull(m.chair, ''), m.role,
	ifnull(m.report_due, ''), ifnull(m.report_sent, ''), ifnull(m.team, ''), ifnull(m.shared, ''), ifnull(m.legal_basis, ''),
	ifnull(m.outcome, ''), m.recorded_by, m.recorded_at, ifnull(m.updated_at, '')`

const meetingSelect = "SELECT " + meetingColumns + " FROM forum_meetings m"

// CaseForums returns a case's standing with each forum, in domain.Forums order, and its
// meetings by date (then in the order recorded) with their actions. A case with nothing
// recorded returns the zero CaseForums; a case that does not exist is ErrNotFound.
func (s *Store) CaseForums(ctx context.Context, caseID int64) (domain.CaseForums, error) {
	if err := s.reader("read a case's forums"); err != nil {
		return domain.CaseForums{}, err
	}
	const what = "reading a case's forums"
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return domain.CaseForums{}, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	var out domain.CaseForums
	err = s.caseExists(ctx, tx, caseID)
	if err == nil {
		out.Involvements, err = s.involvements(ctx, tx, caseID)
	}
	if err == nil {
		out.Meetings, err = s.meetings(ctx, tx, meetingSelect+" WHERE m.case_id = ? ORDER BY m.meeting_date, m.id", caseID)
	}
	if err == nil {
		err = s.withActions(ctx, tx, out.Meetings, "SELECT id FROM forum_meetings WHERE case_id = ?", caseID)
	}
	if err != nil {
		return domain.CaseForums{}, normalise(err, s.path, s.busy, what)
	}
	return out, nil
}

// ForumMeetingsBetween returns the meetings of open cases held, or with a report due,
// from from to to (both included), by meeting date then in the order recorded, with
// their actions, the person and the clinician who holds the case. Each date is looked up
// in its own index, so past years of meetings are never read.
func (s *Store) ForumMeetingsBetween(ctx context.Context, from, to ident.Date) ([]domain.ForumMeetingOn, error) {
	if err := s.reader("read the forum meetings"); err != nil {
		return nil, err
	}
	const what = "reading the forum meetings"
	if why := dateProblem(from); from.IsZero() || why != "" {
		return nil, newError(ErrInvalid, s.path, "the first day of the meetings to list %s", orMissing(why))
	}
	if why := dateProblem(to); to.IsZero() || why != "" {
		return nil, newError(ErrInvalid, s.path, "the last day of the meetings to list %s", orMissing(why))
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer func() { _ = tx.Rollback() }()
	out, err := s.meetingsBetween(ctx, tx, from, to)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	meetings := make([]domain.ForumMeeting, len(out))
	for i := range out {
		meetings[i] = out[i].Meeting
	}
	if err := s.withActions(ctx, tx, meetings, meetingsInRange, from.String(), to.String()); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	for i := range out {
		out[i].Meeting.Actions = meetings[i].Actions
	}
	return out, nil
}

// meetingsBetween reads the meetings of open cases held, or with a report due, from
// from to to, with the person and the clinician, without their actions, through q (the
// agenda reads them inside its own transaction).
func (s *Store) meetingsBetween(ctx context.Context, q querier, from, to ident.Date) ([]domain.ForumMeetingOn, error) {
	rows, err := q.QueryContext(ctx, meetingsBetween, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.ForumMeetingOn
	for rows.Next() {
		var on domain.ForumMeetingOn
		var person domain.Person
		if on.Meeting, err = s.scanMeeting(rows, &person.GivenName, &person.FamilyName, &on.Clinician, &on.ClinID); err != nil {
			return nil, err
		}
		on.Person = person.Name()
		out = append(out, on)
	}
	return out, rows.Err()
}

// NextForums returns, for each open case with one booked, its next meeting: the earliest
// on or after today (as domain.CaseForums.Next), without its actions. Each case's next
// meeting is one step along its own index.
func (s *Store) NextForums(ctx context.Context, today ident.Date) (map[int64]domain.ForumMeeting, error) {
	if err := s.reader("read the forum meetings"); err != nil {
		return nil, err
	}
	const what = "reading the next forum meetings"
	if why := dateProblem(today); today.IsZero() || why != "" {
		return nil, newError(ErrInvalid, s.path, "today's date %s", orMissing(why))
	}
	ms, err := s.meetings(ctx, s.db, nextMeetings, today.String())
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	out := make(map[int64]domain.ForumMeeting, len(ms))
	for _, m := range ms {
		out[m.CaseID] = m
	}
	return out, nil
}

// meetingsInRange selects the meetings held, or with a report due, from ?1 to ?2: a
// union, so that each date is looked up in its own index.
const meetingsInRange = `SELECT id FROM forum_meetings WHERE meeting_date BETWEEN ?1 AND ?2
	UNION SELECT id FROM forum_meetings WHERE report_due BETWEEN ?1 AND ?2`

// meetingsBetween reads those of open cases with the person and the case's clinician.
const meetingsBetween = "SELECT " + meetingColumns + `, p.given_name, p.family_name, ifnull(k.name, ''), ifnull(k.id, 0)
	FROM forum_meetings m JOIN cases c ON c.id = m.case_id JOIN people p ON p.id = c.person_id
	LEFT JOIN clinicians k ON k.id = c.allocated_clinician_id
	WHERE m.id IN (` + meetingsInRange + `) AND c.status = 'open' ORDER BY m.meeting_date, m.id`

// nextMeetings reads each open case's earliest meeting on or after ?, the first entry of
// the case's own index from that day.
const nextMeetings = "SELECT " + meetingColumns + ` FROM cases c
	JOIN forum_meetings m ON m.id = (SELECT id FROM forum_meetings
		WHERE case_id = c.id AND meeting_date >= ? ORDER BY meeting_date, id LIMIT 1)
	WHERE c.status = 'open'`

// orMissing is a date's problem, or that it is missing when it has none.
func orMissing(why string) string {
	if why == "" {
		return "is missing"
	}
	return why
}

// forumMeeting reads one meeting with its actions; ErrNotFound when there is none.
func (s *Store) forumMeeting(ctx context.Context, q querier, id int64) (domain.ForumMeeting, error) {
	ms, err := s.meetings(ctx, q, meetingSelect+" WHERE m.id = ?", id)
	if err != nil {
		return domain.ForumMeeting{}, err
	}
	if len(ms) == 0 {
		return domain.ForumMeeting{}, newError(ErrNotFound, s.path, "forum meeting %d does not exist", id)
	}
	err = s.withActions(ctx, q, ms, "?", id)
	return ms[0], err
}

// meetings reads the meetings a query of meetingColumns selects, without their actions.
func (s *Store) meetings(ctx context.Context, q querier, query string, args ...any) ([]domain.ForumMeeting, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.ForumMeeting
	for rows.Next() {
		m, err := s.scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanMeeting reads the columns of meetingSelect, then any extra ones into extra.
func (s *Store) scanMeeting(rows scanner, extra ...any) (domain.ForumMeeting, error) {
	var (
		m                                        domain.ForumMeeting
		kind, date, role, due, sent, at, updated string
	)
	dest := append([]any{&m.ID, &m.CaseID, &kind, &date, &m.Chair, &role, &due, &sent, &m.Team, &m.Shared,
		&m.LegalBasis, &m.Outcome, &m.RecordedBy, &at, &updated}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return m, err
	}
	m.Kind, m.Role = domain.MeetingKind(kind), domain.ForumRole(role)
	var errs [5]error
	m.Date, errs[0] = ident.ParseDate(date)
	m.ReportDue, errs[1] = optionalDate(due)
	m.RecordedAt, errs[2] = parseTime(at)
	m.UpdatedAt, errs[3] = optionalTime(updated)
	m.ReportSent, errs[4] = optionalDate(sent)
	if err := errors.Join(errs[:]...); err != nil {
		return m, newError(ErrCorrupt, s.path, "forum meeting %d in %s is malformed: %v", m.ID, s.path, err)
	}
	return m, nil
}

// withActions fills in the actions of ms, read in one query for the meetings whose ids
// ids (a subquery or a parameter, with args) selects.
func (s *Store) withActions(ctx context.Context, q querier, ms []domain.ForumMeeting, ids string, args ...any) error {
	if len(ms) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT meeting_id, text, ifnull(due, '') FROM forum_actions
		WHERE meeting_id IN (`+ids+`) ORDER BY meeting_id, position`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byMeeting := map[int64][]domain.ForumAction{}
	for rows.Next() {
		var (
			id  int64
			a   domain.ForumAction
			due string
		)
		if err := rows.Scan(&id, &a.Text, &due); err != nil {
			return err
		}
		if a.Due, err = optionalDate(due); err != nil {
			return newError(ErrCorrupt, s.path, "an action of forum meeting %d in %s is malformed: %v", id, s.path, err)
		}
		byMeeting[id] = append(byMeeting[id], a)
	}
	for i := range ms {
		ms[i].Actions = byMeeting[ms[i].ID]
	}
	return rows.Err()
}

// involvements reads a case's standing with each forum, in domain.Forums order.
func (s *Store) involvements(ctx context.Context, q querier, caseID int64) ([]domain.ForumInvolvement, error) {
	rows, err := q.QueryContext(ctx, involvementSelect+" WHERE case_id = ?", caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.ForumInvolvement
	for rows.Next() {
		v, err := s.scanInvolvement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b domain.ForumInvolvement) int {
		return slices.Index(domain.Forums, a.Forum) - slices.Index(domain.Forums, b.Forum)
	})
	return out, rows.Err()
}

// involvement reads a case's standing with one forum; false when none is recorded.
func (s *Store) involvement(ctx context.Context, q querier, caseID int64, f domain.Forum) (domain.ForumInvolvement, bool, error) {
	v, err := s.scanInvolvement(q.QueryRowContext(ctx, involvementSelect+" WHERE case_id = ? AND forum = ?", caseID, string(f)))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.ForumInvolvement{}, false, nil
	}
	return v, err == nil, err
}

const involvementSelect = `SELECT case_id, forum, ifnull(category, ''), ifnull(level, 0), ifnull(as_at, ''),
	active, ifnull(note, '') FROM forum_involvements`

func (s *Store) scanInvolvement(row scanner) (domain.ForumInvolvement, error) {
	var (
		v               domain.ForumInvolvement
		forum, category string
		asAt            string
	)
	if err := row.Scan(&v.CaseID, &forum, &category, &v.Level, &asAt, &v.Active, &v.Note); err != nil {
		return v, err
	}
	v.Forum, v.Category = domain.Forum(forum), domain.MAPPACategory(category)
	var err error
	if v.AsAt, err = optionalDate(asAt); err != nil {
		return v, newError(ErrCorrupt, s.path, "the %s involvement of case %d in %s is malformed: %v", forum, v.CaseID, s.path, err)
	}
	return v, nil
}

// optionalDate parses a nullable date read as "" when NULL.
func optionalDate(s string) (ident.Date, error) {
	if s == "" {
		return ident.Date{}, nil
	}
	return ident.ParseDate(s)
}
