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

// CaseSummary is a case as the caseload list and the case view's summary show it: the
// case, the referral that opened it (with its person), who holds it, and where its
// record stands.
type CaseSummary struct {
	Case                Case
	Referral            Referral
	Clinician           Clinician
	FormulationVersion  int         // the latest version, 0 when none
	FormulationSignedAt time.Time   // when the latest signed version was signed
	LastContact         time.Time   // the latest signed note's contact time
	Drafts              int         // unsigned notes and formulation drafts
	Release             CaseRelease // the case's release facts, without their history
}

// SearchResult is one match of a search across notes, addenda and formulations.
type SearchResult struct {
	Kind    string // "note", "addendum" or "formulation"
	ID      int64  // of the note, addendum or formulation version
	NoteID  int64  // the note an addendum belongs to
	CaseID  int64
	Person  string
	When    time.Time // contact time, addendum time, or formulation time
	Signed  bool
	Snippet string // the matching words in context, each match in [ and ]
}
