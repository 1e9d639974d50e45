package common

import "caseload/internal/domain"

// OpenAccessRequestsMsg asks the root to open the subject access requests, a lead's
// (docs/RULES.md, "Subject access").
type OpenAccessRequestsMsg struct{}

// RecordAccessRequestMsg asks the root to open the form that records a request, with
// the people it may be about.
type RecordAccessRequestMsg struct{ People []domain.Person }

// ExtendAccessRequestMsg asks the root to open the form that extends a request.
type ExtendAccessRequestMsg struct{ Request domain.AccessRequestOn }

// AnswerAccessRequestMsg asks the root to open the form that records a request answered.
type AnswerAccessRequestMsg struct{ Request domain.AccessRequestOn }

// AccessRequestsChangedMsg says a request was recorded, extended or answered here.
type AccessRequestsChangedMsg struct{}
