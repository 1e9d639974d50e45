package queue

import "caseload/internal/domain"

// statusGroup is a view of the queue by where referrals stand, cycled with f.
type statusGroup struct {
	name     string
	statuses []domain.ReferralStatus // nil: every status
}

var statusGroups = []statusGroup{
	{"all referrals", nil},
	{"awaiting screening", []domain.ReferralStatus{domain.StatusReceived}},
	{"screened in, awaiting consultation", []domain.ReferralStatus{domain.StatusScreenedIn, domain.StatusConsultation}},
	{"accepted", []domain.ReferralStatus{domain.StatusAccepted}},
	{"closed: screened out, not accepted or withdrawn",
		[]domain.ReferralStatus{domain.StatusScreenedOut, domain.StatusNotAccepted, domain.StatusWithdrawn}},
}

func (g statusGroup) holds(s domain.ReferralStatus) bool {
	if g.statuses == nil {
		return true
	}
	for _, x := range g.statuses {
		if x == s {
			return true
		}
	}
	return false
}
