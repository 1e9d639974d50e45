package report

import (
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Facts are what the store reads for a report (store.ReportFacts): every referral and
// case with the decisions, release facts, closings, scores and transition outcomes the
// figures need, and nothing that names a person beyond the ids and the date of birth
// (for the extract's age band).
type Facts struct {
	Referrals   []Referral
	Cases       []Case
	Scores      []domain.MeasureScore      // signed scores, corrections included (Replaces)
	Transitions []domain.TransitionOutcome // oldest first; the last at a case's point stands
	Clinicians  []Clinician
}

// Referral is one referral with the decisions made on it.
type Referral struct {
	ID            int64
	PersonID      int64
	Source        domain.Source
	PriorityGroup int // 0 not decided, domain.NoPriorityGroup none applies
	ReceivedAt    time.Time
	Status        domain.ReferralStatus
	DateOfBirth   ident.Date             // zero when unknown
	Screening     *ScreeningDecision     // nil while unscreened
	Consultations []ConsultationDecision // oldest first
	Withdrawal    *Withdrawal            // nil unless withdrawn
}

// ScreeningDecision is the screening decision: its outcome, when it was made (decided_at, not
// when it was typed), and for a screening out the first criterion its checklist failed
// ("" when none did: a judgement).
type ScreeningDecision struct {
	Outcome    domain.ScreeningOutcome
	DecidedAt  time.Time
	FailedRule domain.RuleID
}

// ConsultationDecision is one suitability meeting's decision.
type ConsultationDecision struct {
	MeetingDate ident.Date
	Outcome     domain.ConsultationOutcome
}

// Withdrawal is a referral closed before a decision.
type Withdrawal struct {
	At time.Time
}

// Case is the work with one person after their referral was accepted.
type Case struct {
	ID          int64
	ReferralID  int64
	PersonID    int64
	ClinicianID int64 // 0 when unallocated
	OpenedAt    time.Time
	Release     domain.CaseRelease
	Closings    []Closing // oldest first
}

// Closing is a case closed by a signed discharge summary: the day it closed, why, and
// the London day a lead reopened it (zero while the closing stands).
type Closing struct {
	On       ident.Date
	Reason   domain.ClosingReason
	Reopened ident.Date
}

// Clinician is a member of the team, by id and name, for a lead's by-clinician figures.
type Clinician struct {
	ID   int64
	Name string
}
