package domain

import (
	"strings"
	"time"

	"caseload/internal/ident"
)

// Person is someone referred to the service. Identifiers are held in canonical form and
// are empty when not known.
type Person struct {
	ID           int64
	GivenName    string
	FamilyName   string
	DateOfBirth  ident.Date
	NHSNumber    ident.NHSNumber
	PrisonNumber ident.PrisonNumber
	PNCID        ident.PNCID
	CRN          ident.CRN
}

// Name is the person's name as the team writes it: given name first.
func (p Person) Name() string {
	return strings.TrimSpace(p.GivenName + " " + p.FamilyName)
}

// Referrer is who sent a referral on behalf of its source.
type Referrer struct {
	Name  string
	Org   string
	Email string
}

// YesNo is an answer that may not be known yet (the empty value).
type YesNo string

// The answers.
const (
	Yes YesNo = "yes"
	No  YesNo = "no"
)

// Referral is one referral to the service: who it is about, who made it, the facts that
// decide eligibility, and where it stands.
type Referral struct {
	ID                 int64
	Person             Person
	Source             Source
	Referrer           Referrer
	CurrentPrison      string
	ExpectedRelease    ident.Date
	ReleaseDateType    ReleaseDateType
	RoSH               RoSH
	PriorityGroup      int // 1-3; NoPriorityGroup when none applies; 0 while not determined
	ComplexHealthNeeds YesNo
	ResettlementArea   string
	// ResettlementAuthority is the local authority the gazetteer read ResettlementArea as
	// when it was stored ("Kendal" as Westmorland and Furness); "" when not known.
	ResettlementAuthority string
	ApprovedPremises      YesNo
	Reason                string
	// ReceivedAt is when the referral reached the service; the 48 hours run from here.
	ReceivedAt time.Time
	// EnteredAt is when it was typed into caseload, kept apart from ReceivedAt.
	EnteredAt  time.Time
	ScreenedAt time.Time // zero until screened; when the screening decision was made
	// ScreeningEnteredAt is when the screening was typed, at or after ScreenedAt (zero
	// when not screened in caseload, and when not read: only `referrals list` reads it).
	ScreeningEnteredAt time.Time
	Status             ReferralStatus
	// PossibleDuplicateOf is the id of a person already held whom this referral's person
	// may be (MatchPerson), 0 when none: recorded when the referral is added, to be
	// checked before screening.
	PossibleDuplicateOf int64
	// Duplicate is the clinician's answer to that question, zero while it is open.
	Duplicate DuplicateAnswered
	// DeadlineRule is the service's screening deadline setting as it stood when the
	// referral was read (the store reads it with every referral), so every screen and
	// list judges the clock under the same rule; zero is the default, 48 hours.
	DeadlineRule DeadlineRule
}

// Clock is the referral's screening clock at now. A referral closed before it was
// screened (withdrawn) no longer waits for screening, so its clock has stopped too.
func (r Referral) Clock(now time.Time) ScreeningClock {
	c := NewScreeningClock(r.ReceivedAt, r.ScreenedAt, now, r.DeadlineRule)
	if r.ScreenedAt.IsZero() && r.Status != "" && r.Status != StatusReceived {
		return ScreeningClock{State: ClockStopped, Rule: c.Rule, DueAt: c.DueAt, Allowed: c.Allowed, Unscreened: true}
	}
	return c
}
