package common

import (
	"time"

	"caseload/internal/domain"
)

// CloseCaseMsg asks the root to open the closing form of an open case: its discharge
// summary draft, started when there is none (docs/RULES.md, "Closing a case").
type CloseCaseMsg struct {
	CaseID   int64
	Person   string
	OpenedAt time.Time // the day the case opened bounds the closing day
}

// HandOverMsg asks the root to open the handover form of an open case, with its
// clinician as the case view showed it (0: none), which the handover must still find
// (docs/RULES.md, "Handover").
type HandOverMsg struct {
	CaseID int64
	Person string
	From   domain.Clinician
}

// ReopenCaseMsg asks the root to open the reopening of a closed case by a lead, with
// the closing it undoes as the case view showed it.
type ReopenCaseMsg struct {
	CaseID  int64
	Person  string
	Closing domain.DischargeSummary
}

// OpenClosedCasesMsg asks the root to open the list of closed cases, which the caseload
// list's default view leaves out.
type OpenClosedCasesMsg struct{}
