package domain

import "time"

// CaseStatus is whether a case is being worked.
type CaseStatus string

// The case statuses.
const (
	CaseOpen   CaseStatus = "open"
	CaseClosed CaseStatus = "closed"
)

// Case is the work with one person after their referral was accepted.
type Case struct {
	ID                   int64
	ReferralID           int64
	PersonID             int64
	AllocatedClinicianID int64
	OpenedAt             time.Time
	Status               CaseStatus
}

// Withdrawal is a referral closed before a decision, with why (e.g. moved out of area).
type Withdrawal struct {
	ReferralID int64
	Reason     string
	By         string
	At         time.Time
}
