package domain

import (
	"errors"
	"fmt"
	"strings"
)

// ErrReopen marks a reopening refused by its rules.
var ErrReopen = errors.New("the case cannot be reopened")

// CheckReopen refuses reopening a closed case by anyone but an active lead, or without a
// reason (docs/RULES.md, "Closing a case"): a closed case has left every list, and
// bringing it back is a decision the team's lead answers for.
func CheckReopen(by Clinician, reason string) error {
	switch {
	case !by.Active || !by.Leads():
		return fmt.Errorf("%w by %s: only a lead may reopen a case", ErrReopen, by.Name)
	case strings.TrimSpace(reason) == "":
		return fmt.Errorf("%w without a reason: say why it is reopened", ErrReopen)
	}
	return nil
}

// DefaultCaseloadCap is how many open cases one clinician holds before an allocation
// warns: the service's "small caseload of complex individuals", 8 until the service
// says otherwise (a setting).
const DefaultCaseloadCap = 8

// OverCap reports whether giving one more case to a clinician who holds open cases
// takes them past cap; a cap of 0 or less is no cap.
func OverCap(open, cap int) bool { return cap > 0 && open+1 > cap }

// ErrOverCap marks an allocation past the caseload cap made without a reason.
var ErrOverCap = errors.New("over the caseload cap")
