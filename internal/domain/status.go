package domain

// ReferralStatus is where a referral stands on its way from arrival to a decision.
type ReferralStatus string

// The referral states of docs/RULES.md, "Suitability and the referral's states".
const (
	StatusReceived     ReferralStatus = "received"
	StatusScreenedIn   ReferralStatus = "screened-in"
	StatusScreenedOut  ReferralStatus = "screened-out"
	StatusConsultation ReferralStatus = "consultation"
	StatusAccepted     ReferralStatus = "accepted"
	StatusNotAccepted  ReferralStatus = "not-accepted"
	StatusWithdrawn    ReferralStatus = "withdrawn"
)

// Statuses lists every state in pathway order.
var Statuses = []ReferralStatus{StatusReceived, StatusScreenedIn, StatusScreenedOut,
	StatusConsultation, StatusAccepted, StatusNotAccepted, StatusWithdrawn}

// Label is the state as a clinician says it, short enough for a queue column.
func (s ReferralStatus) Label() string {
	switch s {
	case StatusReceived:
		return "received"
	case StatusScreenedIn:
		return "screened in"
	case StatusScreenedOut:
		return "screened out"
	case StatusConsultation:
		return "in consultation"
	case StatusAccepted:
		return "accepted"
	case StatusNotAccepted:
		return "not accepted"
	case StatusWithdrawn:
		return "withdrawn"
	}
	return string(s)
}

// Valid reports whether s is one of the known states.
func (s ReferralStatus) Valid() bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}
