package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The risk forums (docs/RULES.md, "Risk forums") are not signed records: a meeting is booked, then gains
// its outcome and actions once held, and a case's standing with MAPPA moves with the
// partners' decisions. So rows are overwritten, and the audit keeps what they said
// before: every change is one transaction with an entry holding the old and new values.

// involvementJSON is a case's standing with a forum in an audit detail.
type involvementJSON struct {
	Category *string `json:"category"`
	Level    *int    `json:"level"`
	AsAt     *string `json:"as_at"`
	Active   bool    `json:"active"`
	Note     *string `json:"note"`
}

func involvementDetail(v domain.ForumInvolvement) *involvementJSON {
	j := &involvementJSON{Active: v.Active}
	if v.Category != "" {
		c := string(v.Category)
		j.Category = &c
	}
	if v.Level != 0 {
		j.Level = &v.Level
	}
	if !v.AsAt.IsZero() {
		d := v.AsAt.String()
		j.AsAt = &d
	}
	if v.Note != "" {
		j.Note = &v.Note
	}
	return j
}

// forumInvolvement is the audit detail of "forum.involvement"; From is null the first
// time a case's standing with the forum is recorded.
type forumInvolvement struct {
	CaseID int64            `json:"case_id"`
	Forum  string           `json:"forum"`
	From   *involvementJSON `json:"from"`
	To     *involvementJSON `json:"to"`
}

// SetInvolvement records case v.CaseID's standing with forum v.Forum, replacing what was
// recorded (domain.ForumInvolvement.Validate: only MAPPA has a category and level, and
// "not MAPPA" has no level). The same standing again is refused as nothing to change.
// Audit: "forum.involvement" with the case, the forum and the old (null when new) and
// new values.
func (s *Store) SetInvolvement(ctx context.Context, actor string, at time.Time, v domain.ForumInvolvement) error {
	return s.setInvolvement(ctx, actor, at, nil, v)
}

// SetInvolvementSeen is SetInvolvement from a form: seen is the standing as the person
// saw it when they began (only the case and the forum when nothing was recorded). If
// someone else has changed it since, the change is refused (ErrConflict) rather than
// putting back what they changed.
func (s *Store) SetInvolvementSeen(ctx context.Context, actor string, at time.Time, seen, v domain.ForumInvolvement) error {
	return s.setInvolvement(ctx, actor, at, &seen, v)
}

func (s *Store) setInvolvement(ctx context.Context, actor string, at time.Time, seen *domain.ForumInvolvement, v domain.ForumInvolvement) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	v.Note = strings.TrimSpace(v.Note)
	if err := v.Validate(); err != nil {
		return s.refused(err)
	}
	if why := dateProblem(v.AsAt); why != "" {
		return newError(ErrInvalid, s.path, "the as-at date %s", why)
	}
	if why := textProblem(v.Note); why != "" {
		return newError(ErrInvalid, s.path, "the note %s", why)
	}
	return s.inTx(ctx, "recording a forum involvement", func(tx *sql.Tx) error {
		if err := s.caseExists(ctx, tx, v.CaseID); err != nil {
			return err
		}
		was, found, err := s.involvement(ctx, tx, v.CaseID, v.Forum)
		if err != nil {
			return err
		}
		if seen != nil {
			stored := was
			if !found {
				stored = domain.ForumInvolvement{CaseID: v.CaseID, Forum: v.Forum}
			}
			if seen.Note = strings.TrimSpace(seen.Note); *seen != stored {
				return newError(ErrConflict, s.path, "%s of case %d was changed by someone else since you opened it: reopen it",
					v.Forum.Label(), v.CaseID)
			}
		}
		if found && was == v {
			return newError(ErrInvalid, s.path, "case %d is already recorded as %s: nothing to change", v.CaseID, v.Describe())
		}
		var level any
		if v.Level != 0 {
			level = v.Level
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO forum_involvements (case_id, forum, category, level, as_at, active, note)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (case_id, forum) DO UPDATE SET category = excluded.category, level = excluded.level,
				as_at = excluded.as_at, active = excluded.active, note = excluded.note`,
			v.CaseID, string(v.Forum), null(string(v.Category)), level, null(dateText(v.AsAt)), v.Active, null(v.Note)); err != nil {
			return err
		}
		d := forumInvolvement{CaseID: v.CaseID, Forum: string(v.Forum), To: involvementDetail(v)}
		if found {
			d.From = involvementDetail(was)
		}
		return s.audit(ctx, tx, actor, at, "forum.involvement", "case", v.CaseID, d)
	})
}

// forumMeetingRecorded is the audit detail of "forum.meeting.recorded": ids and codes,
// not what was shared, which stays in the meeting's row.
type forumMeetingRecorded struct {
	CaseID    int64  `json:"case_id"`
	MeetingID int64  `json:"meeting_id"`
	Kind      string `json:"kind"`
	Date      string `json:"date"`
	Role      string `json:"role"`
}

// forumMeetingChanged is the audit detail of "forum.meeting.changed". Like a referral's
// correction it carries the values themselves: the row is overwritten, so the audit is
// the only record of what it said before.
type forumMeetingChanged struct {
	CaseID    int64         `json:"case_id"`
	MeetingID int64         `json:"meeting_id"`
	Changes   []fieldChange `json:"changes"`
}

// RecordForumMeeting records a new meeting of case m.CaseID with its actions, recorded
// by actor at at, and returns its id. The meeting must pass domain.ForumMeeting.Validate
// (a kind, a date and a role; a report due no later than the meeting). Audit:
// "forum.meeting.recorded" with the case, the meeting, its kind, date and role.
func (s *Store) RecordForumMeeting(ctx context.Context, actor string, at time.Time, m domain.ForumMeeting) (int64, error) {
	if err := s.checkChange(actor, at); err != nil {
		return 0, err
	}
	if m.ID != 0 {
		return 0, newError(ErrInvalid, s.path, "meeting %d is already recorded: change it rather than recording it again", m.ID)
	}
	m = tidyMeeting(m)
	if err := s.checkMeeting(m, at); err != nil {
		return 0, err
	}
	var id int64
	err := s.inTx(ctx, "recording a forum meeting", func(tx *sql.Tx) error {
		if err := s.caseExists(ctx, tx, m.CaseID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO forum_meetings (case_id, kind, meeting_date, chair, role, report_due,
			report_sent, team, shared, legal_basis, outcome, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.CaseID, string(m.Kind), m.Date.String(), null(m.Chair), string(m.Role), null(dateText(m.ReportDue)), null(dateText(m.ReportSent)),
			null(m.Team), null(m.Shared), null(m.LegalBasis), null(m.Outcome), actor, formatTime(at))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := writeActions(ctx, tx, id, m.Actions); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "forum.meeting.recorded", "case", m.CaseID, forumMeetingRecorded{
			CaseID: m.CaseID, MeetingID: id, Kind: string(m.Kind), Date: m.Date.String(), Role: string(m.Role)})
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// UpdateForumMeeting replaces the fields and actions of meeting m.ID, checked as
// RecordForumMeeting checks them, and stamps updated_at. was is the meeting as the
// person saw it when they began: if it has been changed by someone else since, the
// change is refused (ErrConflict) rather than silently putting back the other person's
// values. A meeting cannot move to another case, and the same values again are refused
// as nothing to change. Audit: "forum.meeting.changed" with the old and new value of
// each field that changed.
func (s *Store) UpdateForumMeeting(ctx context.Context, actor string, at time.Time, was, m domain.ForumMeeting) error {
	if err := s.checkChange(actor, at); err != nil {
		return err
	}
	if m.ID == 0 || was.ID != m.ID {
		return newError(ErrInvalid, s.path, "no recorded meeting to change (meeting %d, opened as meeting %d)", m.ID, was.ID)
	}
	m = tidyMeeting(m)
	if err := s.checkMeeting(m, at); err != nil {
		return err
	}
	return s.inTx(ctx, "changing a forum meeting", func(tx *sql.Tx) error {
		stored, err := s.forumMeeting(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if m.CaseID != stored.CaseID {
			return newError(ErrInvalid, s.path, "meeting %d is about case %d, not case %d: a meeting cannot move to another case",
				m.ID, stored.CaseID, m.CaseID)
		}
		if since := meetingChanges(tidyMeeting(was), stored); len(since) > 0 {
			// Kept short: forms show it on one line above the fields.
			return newError(ErrConflict, s.path, "meeting %d was changed by someone else since you opened it (%s): reopen it",
				m.ID, since[0].Field)
		}
		changes := meetingChanges(stored, m)
		if len(changes) == 0 {
			return newError(ErrInvalid, s.path, "meeting %d already says all this: nothing to change", m.ID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE forum_meetings SET kind = ?, meeting_date = ?, chair = ?, role = ?,
			report_due = ?, report_sent = ?, team = ?, shared = ?, legal_basis = ?, outcome = ?, updated_at = ? WHERE id = ?`,
			string(m.Kind), m.Date.String(), null(m.Chair), string(m.Role), null(dateText(m.ReportDue)), null(dateText(m.ReportSent)),
			null(m.Team), null(m.Shared), null(m.LegalBasis), null(m.Outcome), formatTime(at), m.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM forum_actions WHERE meeting_id = ?", m.ID); err != nil {
			return err
		}
		if err := writeActions(ctx, tx, m.ID, m.Actions); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, at, "forum.meeting.changed", "case", m.CaseID,
			forumMeetingChanged{CaseID: m.CaseID, MeetingID: m.ID, Changes: changes})
	})
}

// tidyMeeting drops the space around typed text, as a person reads it, so that what is
// stored, compared and audited is what they meant.
func tidyMeeting(m domain.ForumMeeting) domain.ForumMeeting {
	for _, f := range []*string{&m.Chair, &m.Team, &m.Shared, &m.LegalBasis, &m.Outcome} {
		*f = strings.TrimSpace(*f)
	}
	as := make([]domain.ForumAction, len(m.Actions))
	for i, a := range m.Actions {
		as[i] = domain.ForumAction{Text: strings.TrimSpace(a.Text), Due: a.Due}
	}
	m.Actions = as
	return m
}

// checkMeeting refuses what the service's rules or the schema would not keep.
func (s *Store) checkMeeting(m domain.ForumMeeting, at time.Time) error {
	if err := m.Validate(); err != nil {
		return s.refused(err)
	}
	// An outcome is what happened: it cannot be recorded before the meeting is held.
	if today := ident.DateOf(at.In(clock.London())); m.Outcome != "" && m.Date.After(today) {
		return newError(ErrInvalid, s.path, "the meeting is on %s, after today: record its outcome once it has been held", m.Date.Medium())
	}
	if why := dateProblem(m.Date); why != "" {
		return newError(ErrInvalid, s.path, "the meeting date %s", why)
	}
	if why := dateProblem(m.ReportDue); why != "" {
		return newError(ErrInvalid, s.path, "the report due date %s", why)
	}
	if why := dateProblem(m.ReportSent); why != "" {
		return newError(ErrInvalid, s.path, "the date the report was sent %s", why)
	}
	for i, a := range m.Actions {
		if why := dateProblem(a.Due); why != "" {
			return newError(ErrInvalid, s.path, "the due date of action %d %s", i+1, why)
		}
	}
	for _, f := range meetingFields(m) {
		if why := textProblem(f.value); why != "" {
			return newError(ErrInvalid, s.path, "%s %s", strings.ReplaceAll(f.name, "_", " "), why)
		}
	}
	return nil
}

// meetingField is one field of a meeting as it is compared and audited: its column name
// (the actions as one text, a line each) and its value, "" when not recorded.
type meetingField struct{ name, value string }

func meetingFields(m domain.ForumMeeting) []meetingField {
	return []meetingField{
		{"kind", string(m.Kind)}, {"meeting_date", m.Date.String()}, {"chair", m.Chair},
		{"role", string(m.Role)}, {"report_due", dateText(m.ReportDue)},
		{"report_sent", dateText(m.ReportSent)}, {"team", m.Team},
		{"shared", m.Shared}, {"legal_basis", m.LegalBasis}, {"outcome", m.Outcome},
		{"actions", domain.FormatActions(m.Actions)},
	}
}

// meetingChanges lists the fields in which to differs from from, with both values.
func meetingChanges(from, to domain.ForumMeeting) []fieldChange {
	text := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	old, now := meetingFields(from), meetingFields(to)
	var out []fieldChange
	for i := range now {
		if old[i].value != now[i].value {
			out = append(out, fieldChange{Field: now[i].name, Old: text(old[i].value), New: text(now[i].value)})
		}
	}
	return out
}

// writeActions writes a meeting's actions in the order agreed, numbered from 1.
func writeActions(ctx context.Context, tx *sql.Tx, meetingID int64, as []domain.ForumAction) error {
	for i, a := range as {
		if _, err := tx.ExecContext(ctx, "INSERT INTO forum_actions (meeting_id, position, text, due) VALUES (?, ?, ?, ?)",
			meetingID, i+1, a.Text, null(dateText(a.Due))); err != nil {
			return err
		}
	}
	return nil
}
