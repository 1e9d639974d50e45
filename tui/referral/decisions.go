package referral

import (
	"fmt"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// decisionLines tells what has been decided about the referral, oldest first: the
// screening with the checklist it was based on, each consultation, a withdrawal, and
// the case it opened.
func decisionLines(com common.Common, rec record, w int) []string {
	var ps [][2]string
	if rec.screened {
		s := rec.screening
		outcome := "Screened in"
		if s.Outcome == domain.ScreenedOut {
			outcome = "Screened out"
		}
		ps = append(ps, [2]string{"Screening", fmt.Sprintf("%s by %s, %s (%s); checklist then: %s.",
			outcome, rec.actorName(s.DecidedBy), common.LongTime(s.DecidedAt, com.London), s.Timing(), s.Checklist.Verdict)})
		if s.Reason != "" {
			ps = append(ps, [2]string{"  reason", s.Reason})
		}
		if domain.Backdated(s.DecidedAt, s.EnteredAt) {
			// Made in a meeting and typed later: both times, and why (docs/RULES.md).
			ps = append(ps, [2]string{"  entered", common.LongTime(s.EnteredAt, com.London) + ": " + s.LateReason})
		}
	}
	for _, c := range rec.consultations {
		line := fmt.Sprintf("%s: %s.", c.MeetingDate, consultOutcome(c))
		if c.Outcome == domain.ConsultAccepted {
			line += " Allocated to " + rec.clinicianName(c.AllocatedClinicianID) + "."
		}
		if c.Outcome == domain.ConsultDeferred {
			line += " Next meeting " + c.NextMeetingDate.String() + "."
		}
		ps = append(ps, [2]string{"Consultation", line})
		ps = append(ps, [2]string{"  attended", attendees(c.Attendees)})
		ps = append(ps, [2]string{"  rationale", c.Rationale})
	}
	if rec.withdrawn {
		ps = append(ps, [2]string{"Withdrawn", fmt.Sprintf("by %s, %s: %s", rec.actorName(rec.withdrawal.By),
			common.LongTime(rec.withdrawal.At, com.London), rec.withdrawal.Reason)})
	}
	if rec.hasCase {
		ps = append(ps, [2]string{"Case", fmt.Sprintf("%d, %s, opened %s, held by %s", rec.kase.ID,
			rec.kase.Status, common.LongTime(rec.kase.OpenedAt, com.London), rec.clinicianName(rec.kase.AllocatedClinicianID))})
	}
	if len(ps) == 0 {
		return []string{com.Theme.Muted.Render("No decision yet: press s to screen it.")}
	}
	return pairs(com, ps, w)
}

func consultOutcome(c domain.Consultation) string {
	switch c.Outcome {
	case domain.ConsultAccepted:
		return "accepted"
	case domain.ConsultNotAccepted:
		return "not accepted"
	}
	return "decision deferred"
}

func attendees(as []domain.Attendee) string {
	var parts []string
	for _, a := range as {
		s := a.Name + " (" + a.Role
		if a.Agency != "" {
			s += ", " + a.Agency
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, "; ")
}
