package demo

import (
	"slices"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ActionKind is which decision an Action records.
type ActionKind string

// The decisions a demo referral meets after it arrives.
const (
	ActionScreen   ActionKind = "screen"   // domain.Screen: in or out, with a reason where one is needed
	ActionConsult  ActionKind = "consult"  // domain.Consult: a suitability meeting's outcome
	ActionWithdraw ActionKind = "withdraw" // domain.Withdraw: closed before a decision
)

// Action is one thing the team did with a demo referral, to be applied through the
// store (ScreenReferral, RecordConsultation, WithdrawReferral) so that the same rules
// and the same audit apply as in real use.
type Action struct {
	// Referral is an index into Referrals(now), made with the same now.
	Referral int
	// At is when it was decided: after the referral was received and entered, before
	// now.
	At time.Time
	// Actor is who decided, as the audit names them: "demo:" and a demo clinician.
	Actor string
	Kind  ActionKind
	// Outcome is the screening decision (ActionScreen).
	Outcome domain.ScreeningOutcome
	// Reason is why it was screened (required to screen out, or to screen in what is
	// not eligible; empty otherwise) or withdrawn.
	Reason string
	// Consultation is the meeting (ActionConsult). ReferralID and AllocatedClinicianID
	// are left for the caller to fill from the store's ids.
	Consultation domain.Consultation
	// Clinician is an index into Clinicians(): who holds the case a consultation
	// accepted. It is -1 for every other action.
	Clinician int
}

// Decisions returns what happened to the referrals of Referrals(now) after they
// arrived, in time order: screenings in and out (one of each late), consultations
// (accepted, each opening a case, not accepted, deferred, and deferred then accepted)
// and two withdrawals, one before screening and one after. Every action passes the
// domain rule it will meet when applied in this order; meetings are dated on the London
// day they were recorded, never after now's.
func Decisions(now time.Time) []Action {
	rs, prisons := build(now)
	cs := Clinicians()
	london := clock.London()
	var out []Action
	for i, s := range scenarios {
		r := rs[i]
		steps := stories[s.given+" "+s.family]
		for j, st := range steps {
			at := st.at(r, london)
			a := Action{Referral: i, At: at, Actor: "demo:" + cs[st.by].Name, Kind: st.kind, Clinician: -1}
			switch st.kind {
			case ActionScreen:
				a.Outcome, a.Reason = st.outcome, st.text
			case ActionWithdraw:
				a.Reason = st.text
			case ActionConsult:
				meeting := ident.DateOf(at.In(london))
				c := domain.Consultation{MeetingDate: meeting, Outcome: st.consult, Rationale: st.text,
					Attendees: attendees(i, r, prisons[i], meeting, st), RecordedBy: a.Actor, RecordedAt: at}
				if st.consult == domain.ConsultDeferred {
					c.NextMeetingDate = nextMeeting(r, meeting, steps[j+1:], london)
				}
				if st.consult == domain.ConsultAccepted {
					a.Clinician = st.clinician
				}
				a.Consultation = c
			}
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b Action) int { return a.At.Compare(b.At) })
	return out
}

// nextMeeting is the date a deferred decision comes back: the day of the story's next
// meeting when it has one, otherwise a fortnight on (which may be after now).
func nextMeeting(r domain.Referral, meeting ident.Date, later []step, london *time.Location) ident.Date {
	for _, st := range later {
		if st.kind == ActionConsult {
			return ident.DateOf(st.at(r, london).In(london))
		}
	}
	return meeting.AddDays(14)
}

// at is when a step happened to referral r: st.after from receipt, except that a
// meeting is not held at a weekend but on the Friday before. Every story leaves more
// than two days between a screening and the meeting after it, so the move never
// reorders them.
func (st step) at(r domain.Referral, london *time.Location) time.Time {
	at := r.ReceivedAt.Add(st.after)
	if st.kind != ActionConsult {
		return at
	}
	back := 0
	switch at.In(london).Weekday() {
	case time.Saturday:
		back = 1
	case time.Sunday:
		back = 2
	}
	// The same London wall time on the Friday, so a clock change between does not
	// move it to another day.
	l := at.In(london)
	return time.Date(l.Year(), l.Month(), l.Day()-back, l.Hour(), l.Minute(), 0, 0, london).UTC()
}

// Invented probation and prison staff for the meetings. A referral from probation
// brings its own COM, the referrer.
var (
	comNames = []string{"Joanne Whittaker", "Daniel Okoro", "Sian Pemberton", "Lewis Garside"}
	pomNames = []string{"Gemma Brierley", "Paul Ostrowski", "Yasmin Akhtar", "Craig Dewhurst"}
)

// comName is referral i's COM: the referrer, when probation referred; otherwise one of
// the invented COMs.
func comName(i int, r domain.Referral) string {
	if r.Source == domain.SourceProbation {
		return r.Referrer.Name
	}
	return comNames[i%len(comNames)]
}

// pomName is referral i's POM while the person is in prison.
func pomName(i int) string { return pomNames[i%len(pomNames)] }

// serviceAgency is how the service appears in an attendance list.
const serviceAgency = "Enhanced RECONNECT, LSCFT"

// attendees is who was at a meeting about referral i: the COM, the POM while the person
// was still in prison, the service's lead (chairing), the clinician who recorded it and
// the one who will hold the case, the assistant psychologist taking the minutes, and
// the other agencies the story names.
func attendees(i int, r domain.Referral, prison string, meeting ident.Date, st step) []domain.Attendee {
	var as []domain.Attendee
	if r.Source == domain.SourceProbation {
		as = append(as, domain.Attendee{Name: comName(i, r), Role: "community offender manager (COM)", Agency: r.Referrer.Org})
	} else {
		county := domain.CountyLancashire
		if a, ok := domain.FindArea(r.ResettlementArea); ok {
			county = a.County
		}
		as = append(as, domain.Attendee{Name: comName(i, r), Role: "community offender manager (COM)",
			Agency: "Probation Service, " + county})
	}
	if prison != "" && (r.ExpectedRelease.IsZero() || !meeting.After(r.ExpectedRelease)) {
		as = append(as, domain.Attendee{Name: pomName(i), Role: "prison offender manager (POM)", Agency: prison})
	}
	cs := Clinicians()
	staff := []int{lead, st.by}
	if st.consult == domain.ConsultAccepted {
		staff = append(staff, st.clinician)
	}
	staff = append(staff, assistant)
	seen := map[int]bool{}
	for _, c := range staff {
		if seen[c] {
			continue
		}
		seen[c] = true
		role := cs[c].Role
		switch c {
		case lead:
			role = "service lead, clinical psychologist (chair)"
		case assistant:
			role = "assistant psychologist (minutes)"
		}
		as = append(as, domain.Attendee{Name: cs[c].Name, Role: role, Agency: serviceAgency})
	}
	return append(as, st.extra...)
}
