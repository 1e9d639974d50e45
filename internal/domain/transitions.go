package domain

import (
	"errors"
	"fmt"
)

// ErrTransition is returned for a change of status the service's pathway does not allow.
var ErrTransition = errors.New("status change not allowed")

// transitions is the referral state machine of docs/RULES.md, "Suitability and the referral's states". Recording a consultation
// moves a screened-in referral to accepted or not accepted, or to consultation when the
// decision is deferred to a later meeting; a deferred one may be deferred again.
var transitions = map[ReferralStatus][]ReferralStatus{
	StatusReceived:     {StatusScreenedIn, StatusScreenedOut, StatusWithdrawn},
	StatusScreenedIn:   {StatusConsultation, StatusAccepted, StatusNotAccepted, StatusWithdrawn},
	StatusConsultation: {StatusConsultation, StatusAccepted, StatusNotAccepted, StatusWithdrawn},
}

// CheckTransition returns nil when a referral may move from one status to another, and
// otherwise an error wrapping ErrTransition that says why in a clinician's words.
func CheckTransition(from, to ReferralStatus) error {
	for _, next := range transitions[from] {
		if next == to {
			return nil
		}
	}
	if len(transitions[from]) == 0 {
		return fmt.Errorf("%w: the referral is %s, which is final", ErrTransition, from.Label())
	}
	return fmt.Errorf("%w: a referral that is %s cannot become %s", ErrTransition, from.Label(), to.Label())
}

// Open reports whether a referral is still on its way to a decision.
func (s ReferralStatus) Open() bool { return len(transitions[s]) > 0 }
