package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/clock"
	"caseload/internal/ident"
)

// ScreeningOutcome is the screening decision.
type ScreeningOutcome string

// The outcomes.
const (
	ScreenedIn  ScreeningOutcome = "in"
	ScreenedOut ScreeningOutcome = "out"
)

// ScreeningDecision is a referral screened in or out: who decided, when, why, and the
// checklist as it stood, so a later correction of the facts never rewrites what the
// decision was based on.
type ScreeningDecision struct {
	ReferralID int64
	Outcome    ScreeningOutcome
	Reason     string
	DecidedBy  string
	// DecidedAt is when the decision was made; EnteredAt when it was typed, later when
	// it was decided in a meeting, and LateReason says why (docs/RULES.md, "When a
	// decision was made").
	DecidedAt  time.Time
	EnteredAt  time.Time
	LateReason string
	Checklist  Eligibility
	// WithinWindow is whether it was decided within 48 elapsed hours, kept for reporting
	// (within_48h), whatever the deadline rule; WithinDeadline whether by the deadline
	// of DeadlineRule, the rule in force when it was decided.
	WithinWindow   bool
	WithinDeadline bool
	DeadlineRule   DeadlineRule
}

// Screen decides a referral: it checks the decision against the pathway and the
// checklist and returns the referral as it now stands with the decision to record.
// A reason is required to screen out, and to screen in against a criterion that fails
// or is unknown (the override docs/RULES.md, "Eligibility checklist" asks to be recorded).
func Screen(r Referral, outcome ScreeningOutcome, reason, by string, at time.Time) (Referral, ScreeningDecision, error) {
	return ScreenAt(r, outcome, reason, by, at, DecisionTime{At: at})
}

// ScreenAt is Screen for a decision entered at entered and made at made.At (with
// made.Reason when made earlier): the time is checked by CheckDecidedAt, and the 48
// hours and the checklist are taken at when it was made.
func ScreenAt(r Referral, outcome ScreeningOutcome, reason, by string, entered time.Time, made DecisionTime) (Referral, ScreeningDecision, error) {
	at := made.At
	if at.IsZero() {
		at = entered
	}
	to := StatusScreenedIn
	if outcome == ScreenedOut {
		to = StatusScreenedOut
	} else if outcome != ScreenedIn {
		return r, ScreeningDecision{}, fieldErr(FieldOutcome, fmt.Errorf("%q is not a screening outcome: in or out", outcome))
	}
	if err := CheckTransition(r.Status, to); err != nil {
		return r, ScreeningDecision{}, err
	}
	checklist := CheckEligibility(r, at)
	reason = strings.TrimSpace(reason)
	if reason == "" {
		switch {
		case outcome == ScreenedOut:
			return r, ScreeningDecision{}, fieldErr(FieldReason, errors.New("give the reason for screening out"))
		case checklist.Verdict != Eligible:
			return r, ScreeningDecision{}, fieldErr(FieldReason, fmt.Errorf("the referral is %s (%s): give the reason for screening it in",
				checklist.Verdict, joinCodes(checklist.Open())))
		}
	}
	if err := CheckDecidedAt(r.ReceivedAt, at, entered, made.Reason); err != nil {
		return r, ScreeningDecision{}, err
	}
	r.Status, r.ScreenedAt = to, at.UTC().Truncate(time.Second)
	c := r.Clock(at)
	d := ScreeningDecision{ReferralID: r.ID, Outcome: outcome, Reason: reason, DecidedBy: by,
		DecidedAt: r.ScreenedAt, EnteredAt: entered.UTC().Truncate(time.Second), Checklist: checklist,
		WithinWindow: c.Within48h(), WithinDeadline: c.OnTime(), DeadlineRule: c.Rule}
	if Backdated(at, entered) {
		d.LateReason = strings.TrimSpace(made.Reason)
	}
	return r, d, nil
}

// ConsultationOutcome is what a suitability consultation decided.
type ConsultationOutcome string

// The outcomes.
const (
	ConsultAccepted    ConsultationOutcome = "accepted"
	ConsultNotAccepted ConsultationOutcome = "not-accepted"
	ConsultDeferred    ConsultationOutcome = "deferred"
)

// Attendee is someone at a consultation, with their role (COM, POM, clinical
// psychologist, ...) and agency.
type Attendee struct {
	Name   string
	Role   string
	Agency string
}

// Consultation is one suitability meeting about a screened-in referral.
type Consultation struct {
	ID          int64
	ReferralID  int64
	MeetingDate ident.Date
	Attendees   []Attendee
	Outcome     ConsultationOutcome
	Rationale   string
	// NextMeetingDate is set when the decision was deferred.
	NextMeetingDate ident.Date
	// AllocatedClinicianID is who holds the case when the referral is accepted.
	AllocatedClinicianID int64
	// OverCapReason is why the case is allocated to a clinician who already holds the
	// caseload cap (docs/RULES.md, "Caseload sizes"); refused without one.
	OverCapReason string
	RecordedBy    string
	// RecordedAt is when it was entered; DecidedAt when it was decided (zero: as
	// entered), with LateReason when that was earlier (docs/RULES.md, "When a decision
	// was made").
	RecordedAt time.Time
	DecidedAt  time.Time
	LateReason string
}

// Consult records a consultation's decision on a referral: it checks the meeting is
// complete and the change allowed, and returns the referral's new state. Accepting
// opens a case (the store's job); not accepting closes the referral with its rationale.
func Consult(r Referral, c Consultation, today ident.Date) (Referral, error) {
	var to ReferralStatus
	switch c.Outcome {
	case ConsultAccepted:
		to = StatusAccepted
	case ConsultNotAccepted:
		to = StatusNotAccepted
	case ConsultDeferred:
		to = StatusConsultation
	default:
		return r, fmt.Errorf("%q is not a consultation outcome: accepted, not-accepted or deferred", c.Outcome)
	}
	if err := CheckTransition(r.Status, to); err != nil {
		return r, err
	}
	switch {
	case c.MeetingDate.IsZero():
		return r, errors.New("give the date of the meeting")
	case c.MeetingDate.After(today):
		return r, fmt.Errorf("the meeting date %s is in the future: record the meeting once it has been held", c.MeetingDate)
	case !r.ReceivedAt.IsZero() && c.MeetingDate.Before(ident.DateOf(r.ReceivedAt.In(clock.London()))):
		return r, fmt.Errorf("the meeting date %s is before the referral was received (%s)",
			c.MeetingDate, ident.DateOf(r.ReceivedAt.In(clock.London())))
	case len(c.Attendees) == 0:
		return r, errors.New("list who attended: the COM, the POM, the service's clinicians and other agencies")
	case strings.TrimSpace(c.Rationale) == "":
		return r, errors.New("give the rationale for the decision")
	case c.Outcome == ConsultAccepted && c.AllocatedClinicianID == 0:
		return r, errors.New("name the clinician the case is allocated to")
	case c.Outcome == ConsultDeferred && !c.NextMeetingDate.After(c.MeetingDate):
		return r, errors.New("give the date of the next meeting, after this one")
	}
	if !c.DecidedAt.IsZero() {
		if err := CheckDecidedAt(r.ReceivedAt, c.DecidedAt, c.RecordedAt, c.LateReason); err != nil {
			return r, err
		}
		if day := ident.DateOf(c.DecidedAt.In(clock.London())); day != c.MeetingDate {
			return r, fmt.Errorf("the decision time is on %s but the meeting on %s: give the meeting's day", day, c.MeetingDate)
		}
	}
	for i, a := range c.Attendees {
		if strings.TrimSpace(a.Name) == "" || strings.TrimSpace(a.Role) == "" {
			return r, fmt.Errorf("attendee %d needs a name and a role", i+1)
		}
	}
	r.Status = to
	return r, nil
}

// Withdraw closes an open referral, e.g. when the person is moved out of area.
func Withdraw(r Referral, reason string) (Referral, error) {
	if err := CheckTransition(r.Status, StatusWithdrawn); err != nil {
		return r, err
	}
	if strings.TrimSpace(reason) == "" {
		return r, errors.New("give the reason for the withdrawal")
	}
	r.Status = StatusWithdrawn
	return r, nil
}
