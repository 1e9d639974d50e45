package home

import "caseload/internal/domain"

// teamNext is how many lines a team list (referrals to screen, consultations to hold)
// takes on the home screen besides its overdue ones, which all show: the next ones due
// (or the oldest waiting). The whole list is in the referral queue, a key away, and the
// clinician's own sections below must stay in sight.
const teamNext = 3

// counts is a section's lines: how many are due, how many overdue, and how many are not
// drawn because the section is capped.
type counts struct{ n, urgent, hidden int }

// capped reports whether a section is a team list the home screen shortens.
func capped(s domain.AgendaSection) bool {
	return s == domain.AgendaScreening || s == domain.AgendaConsultations
}
