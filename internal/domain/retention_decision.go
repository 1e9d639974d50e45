package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/internal/ident"
)

// RetentionDecision is what the service's records manager decided about a closed
// record past its review (docs/RULES.md, "Retention"), recorded in the app: keep it
// until a later review, or destroy it. The app deletes nothing: a decision to destroy
// is carried out and certified outside it, and recorded here so the file says so.
type RetentionDecision struct {
	ID         int64
	CaseID     int64
	DecidedOn  ident.Date
	Decision   string     // "keep" or "destroy"
	KeepUntil  ident.Date // keep only: the next review
	DecidedBy  string     // who decided (the records manager, by name or post)
	Reference  string     // the destruction certificate or decision's reference, if any
	RecordedBy string
	RecordedAt time.Time
}

// ErrRetention marks a retention decision refused by its rules.
var ErrRetention = errors.New("the retention decision cannot be recorded so")

// CheckRetentionDecision refuses a decision on a case that is not closed, one dated
// after today, an unknown decision, keeping without a later review day, destroying
// with one, or no one who decided.
func CheckRetentionDecision(d RetentionDecision, closed bool, today ident.Date) error {
	switch {
	case !closed:
		return fmt.Errorf("%w: the case is open; only a closed record is reviewed", ErrRetention)
	case d.DecidedOn.IsZero() || d.DecidedOn.After(today):
		return fmt.Errorf("%w: give the day it was decided, today or before", ErrRetention)
	case d.Decision != "keep" && d.Decision != "destroy":
		return fmt.Errorf("%w: %q is not a decision: use keep or destroy", ErrRetention, d.Decision)
	case d.Decision == "keep" && !d.KeepUntil.After(d.DecidedOn):
		return fmt.Errorf("%w: to keep a record, give the day of its next review, after the decision", ErrRetention)
	case d.Decision == "destroy" && !d.KeepUntil.IsZero():
		return fmt.Errorf("%w: a decision to destroy has no next review", ErrRetention)
	case strings.TrimSpace(d.DecidedBy) == "":
		return fmt.Errorf("%w: say who decided (the records manager, by name or post)", ErrRetention)
	}
	return nil
}

// ClosedRecord is a closed case as `caseload retention` lists it.
type ClosedRecord struct {
	CaseID   int64
	PersonID int64
	Person   string
	Closure  CaseClosure
	ReviewOn ident.Date         // from the retention rule, or the last decision to keep
	Last     *RetentionDecision // the latest decision, if any
}
