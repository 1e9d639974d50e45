package domain

import "time"

// AuditFilter chooses the entries of the audit log a lead reads (docs/RULES.md, "What
// is audited"). Every field set narrows it; the zero filter is the whole log, newest
// first.
type AuditFilter struct {
	// Person is a name (every word found in the given or family name, diacritics and
	// case ignored) or an NHS number: the entries about that person's referrals, cases,
	// notes and formulations.
	Person string
	// ClinicianID: the entries made by that clinician, in the app or under the OS
	// account bound to them.
	ClinicianID int64
	// From and To: the entries made in [From, To).
	From, To time.Time
	// Before: only entries older than this one (its id), to page on; 0 from the newest.
	Before int64
	// Limit is how many entries at most (a page of the store's choosing when 0).
	Limit int
}

// AuditLine is one entry of the audit log as a person reads it: who did what to which
// record, when, by name, and whose record it is about.
type AuditLine struct {
	ID       int64
	At       time.Time
	Actor    string // as stored: "clinician:3", "os:alice", ...
	By       string // ActorName of Actor
	Action   string // "referral.viewed", ...
	Entity   string
	EntityID int64
	Detail   string // JSON
	Person   string // "Given Family", or "" when the entry is about no one's record
}
