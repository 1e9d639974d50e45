package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// attendeeJSON is one element of consultations.attendees; an unknown agency is null.
type attendeeJSON struct {
	Name   string  `json:"name"`
	Role   string  `json:"role"`
	Agency *string `json:"agency"`
}

// referralConsulted is the audit detail of "referral.consulted": ids, codes and dates;
// the attendees and rationale are in the consultations row, which never changes.
type referralConsulted struct {
	ReferralID           int64  `json:"referral_id"`
	ConsultationID       int64  `json:"consultation_id"`
	Outcome              string `json:"outcome"`
	From                 string `json:"from"`
	To                   string `json:"to"`
	MeetingDate          string `json:"meeting_date"`
	NextMeetingDate      string `json:"next_meeting_date,omitempty"`
	AllocatedClinicianID int64  `json:"allocated_clinician_id,omitempty"`
	CaseID               int64  `json:"case_id,omitempty"`
	// When the decision was made and when entered, and why later (docs/RULES.md, "When a
	// decision was made"); the consultations row keeps the meeting's date and the entry.
	DecidedAt  string `json:"decided_at"`
	EnteredAt  string `json:"entered_at"`
	LateReason string `json:"late_reason,omitempty"`
}

// caseOpened is the audit detail of "case.opened".
type caseOpened struct {
	CaseID               int64 `json:"case_id"`
	ReferralID           int64 `json:"referral_id"`
	PersonID             int64 `json:"person_id"`
	AllocatedClinicianID int64 `json:"allocated_clinician_id"`
	ConsultationID       int64 `json:"consultation_id"`
}

// RecordConsultation records a suitability meeting's decision on c.ReferralID
// (domain.Consult, with today the London date of at, so a meeting cannot be dated in
// the future): the referral's new status, the consultation (c.ID, RecordedBy and
// RecordedAt are ignored: the store records actor and at), and, when the referral is
// accepted, a new open case for its person allocated to c.AllocatedClinicianID, who must
// be an active clinician. Audit: "referral.consulted" and, with a case, "case.opened".
// It returns the consultation's id and the case's (0 when none opened).
func (s *Store) RecordConsultation(ctx context.Context, actor string, at time.Time, c domain.Consultation) (consultationID, caseID int64, err error) {
	if err := s.checkChange(actor, at); err != nil {
		return 0, 0, err
	}
	attendees := make([]attendeeJSON, len(c.Attendees))
	for i, a := range c.Attendees {
		attendees[i] = attendeeJSON{Name: a.Name, Role: a.Role}
		if a.Agency != "" {
			attendees[i].Agency = &a.Agency
		}
	}
	attendeesJSON, err := json.Marshal(attendees)
	if err != nil {
		return 0, 0, newError(err, s.path, "recording a consultation: %v", err)
	}
	today := ident.DateOf(at.In(clock.London()))
	decided, lateReason := formatTime(at), ""
	if !c.DecidedAt.IsZero() {
		decided = formatTime(c.DecidedAt)
		if domain.Backdated(c.DecidedAt, at) {
			lateReason = strings.TrimSpace(c.LateReason)
		}
	}
	err = s.inTx(ctx, "recording a consultation", func(tx *sql.Tx) error {
		r, err := s.referral(ctx, tx, c.ReferralID)
		if err != nil {
			return err
		}
		from := r.Status
		c.RecordedAt = at
		if r, err = domain.Consult(r, c, today); err != nil {
			return s.refused(err)
		}
		if err := s.checkConsultation(ctx, tx, c); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE referrals SET status = ? WHERE id = ?", string(r.Status), r.ID); err != nil {
			return err
		}
		var clinician any
		if c.AllocatedClinicianID != 0 {
			clinician = c.AllocatedClinicianID
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO consultations (referral_id, meeting_date, attendees, outcome,
			rationale, next_meeting_date, allocated_clinician_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, c.MeetingDate.String(), string(attendeesJSON), string(c.Outcome), c.Rationale,
			null(c.NextMeetingDate.String()), clinician, actor, formatTime(at))
		if err != nil {
			return err
		}
		if consultationID, err = res.LastInsertId(); err != nil {
			return err
		}
		if c.Outcome == domain.ConsultAccepted {
			over, err := s.allocationPastCap(ctx, tx, c.AllocatedClinicianID, c.OverCapReason)
			if err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO cases (referral_id, person_id, allocated_clinician_id, opened_at, status)
				VALUES (?, ?, ?, ?, ?)`, r.ID, r.Person.ID, clinician, formatTime(at), string(domain.CaseOpen))
			if err != nil {
				return err
			}
			if caseID, err = res.LastInsertId(); err != nil {
				return err
			}
			// The case starts from the release date the referral gave; changes from
			// here are kept in its history with their reasons.
			if err := openRelease(ctx, tx, caseID, releaseFromReferral(r)); err != nil {
				return err
			}
			if err := over.record(ctx, tx, caseID, actor, at); err != nil {
				return err
			}
		}
		chain, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		_, err = chain.append(ctx, actor, at, "referral.consulted", "referral", r.ID, referralConsulted{
			ReferralID: r.ID, ConsultationID: consultationID, Outcome: string(c.Outcome),
			From: string(from), To: string(r.Status), MeetingDate: c.MeetingDate.String(),
			NextMeetingDate: c.NextMeetingDate.String(), AllocatedClinicianID: c.AllocatedClinicianID, CaseID: caseID,
			DecidedAt: decided, EnteredAt: formatTime(at), LateReason: lateReason,
		})
		if err != nil || caseID == 0 {
			return err
		}
		_, err = chain.append(ctx, actor, at, "case.opened", "case", caseID, caseOpened{CaseID: caseID,
			ReferralID: r.ID, PersonID: r.Person.ID, AllocatedClinicianID: c.AllocatedClinicianID, ConsultationID: consultationID})
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return consultationID, caseID, nil
}

// checkConsultation checks what the domain leaves to the store: dates the schema can
// hold, a next meeting only on a deferral (elsewhere it would read as a meeting that is
// not going to happen), and a clinician who is still with the team.
func (s *Store) checkConsultation(ctx context.Context, tx *sql.Tx, c domain.Consultation) error {
	if why := dateProblem(c.MeetingDate); why != "" {
		return newError(ErrInvalid, s.path, "the meeting date %s", why)
	}
	if why := dateProblem(c.NextMeetingDate); why != "" {
		return newError(ErrInvalid, s.path, "the next meeting date %s", why)
	}
	if !c.NextMeetingDate.IsZero() && c.Outcome != domain.ConsultDeferred {
		return newError(ErrInvalid, s.path,
			"a next meeting date is only for a deferred decision: clear it, or record the decision as deferred")
	}
	if c.AllocatedClinicianID == 0 {
		return nil
	}
	var active bool
	var access string
	err := tx.QueryRowContext(ctx, "SELECT active, access FROM clinicians WHERE id = ?", c.AllocatedClinicianID).Scan(&active, &access)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	switch {
	case !active:
		return newError(ErrInvalid, s.path, "clinician %d is not an active clinician", c.AllocatedClinicianID)
	case domain.Access(access) == domain.AccessAdmin:
		// IT cannot open the record of a case they would hold (docs/RULES.md, "Roles").
		return newError(ErrInvalid, s.path, "clinician %d is IT (admin), who cannot open clinical records: allocate the case to a clinician", c.AllocatedClinicianID)
	}
	return nil
}

// Consultations returns the consultations on a referral in the order they were
// recorded, which is the order they took effect: the last one decided its status.
func (s *Store) Consultations(ctx context.Context, referralID int64) ([]domain.Consultation, error) {
	if err := s.reader("read a referral's consultations"); err != nil {
		return nil, err
	}
	const what = "reading the consultations"
	rows, err := s.db.QueryContext(ctx, `SELECT id, referral_id, meeting_date, attendees, outcome, rationale,
		ifnull(next_meeting_date, ''), ifnull(allocated_clinician_id, 0), recorded_by, recorded_at
		FROM consultations WHERE referral_id = ? ORDER BY id`, referralID)
	if err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	defer rows.Close()
	var cs []domain.Consultation
	for rows.Next() {
		var c domain.Consultation
		var meeting, attendees, outcome, next, at string
		if err := rows.Scan(&c.ID, &c.ReferralID, &meeting, &attendees, &outcome, &c.Rationale,
			&next, &c.AllocatedClinicianID, &c.RecordedBy, &at); err != nil {
			return nil, normalise(err, s.path, s.busy, what)
		}
		c.Outcome = domain.ConsultationOutcome(outcome)
		if err := decodeConsultation(&c, meeting, next, attendees, at); err != nil {
			return nil, newError(ErrCorrupt, s.path, "consultation %d in %s is malformed: %v", c.ID, s.path, err)
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, normalise(err, s.path, s.busy, what)
	}
	return cs, nil
}

func decodeConsultation(c *domain.Consultation, meeting, next, attendees, at string) error {
	var as []attendeeJSON
	err := errors.Join(c.MeetingDate.UnmarshalText([]byte(meeting)), c.NextMeetingDate.UnmarshalText([]byte(next)),
		json.Unmarshal([]byte(attendees), &as))
	if err != nil {
		return err
	}
	for _, a := range as {
		att := domain.Attendee{Name: a.Name, Role: a.Role}
		if a.Agency != nil {
			att.Agency = *a.Agency
		}
		c.Attendees = append(c.Attendees, att)
	}
	c.RecordedAt, err = parseTime(at)
	return err
}
