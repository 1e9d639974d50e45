package demo

import (
	"time"

	"caseload/internal/domain"
)

// step is one decision in a referral's story.
type step struct {
	// after is the time from receipt to the decision; a meeting is dated on the London
	// day it was recorded.
	after time.Duration
	// by is who recorded it, an index into Clinicians().
	by      int
	kind    ActionKind
	outcome domain.ScreeningOutcome    // screen
	consult domain.ConsultationOutcome // consult
	text    string                     // the screening or withdrawal reason, or the rationale
	extra   []domain.Attendee          // consult: other agencies at the meeting
	// clinician holds the case a meeting accepted, an index into Clinicians().
	clinician int
}

func screenIn(after time.Duration, by int, reason string) step {
	return step{after: after, by: by, kind: ActionScreen, outcome: domain.ScreenedIn, text: reason}
}

func screenOut(after time.Duration, by int, reason string) step {
	return step{after: after, by: by, kind: ActionScreen, outcome: domain.ScreenedOut, text: reason}
}

func meeting(after time.Duration, by int, outcome domain.ConsultationOutcome, rationale string, extra ...domain.Attendee) step {
	return step{after: after, by: by, kind: ActionConsult, consult: outcome, text: rationale, extra: extra}
}

func accept(after time.Duration, by, clinician int, rationale string, extra ...domain.Attendee) step {
	s := meeting(after, by, domain.ConsultAccepted, rationale, extra...)
	s.clinician = clinician
	return s
}

func withdraw(after time.Duration, by int, reason string) step {
	return step{after: after, by: by, kind: ActionWithdraw, text: reason}
}

// Other agencies at the meetings, all invented.
var (
	mappaLancs   = domain.Attendee{Name: "DS Kerry Ashworth", Role: "MAPPA coordinator", Agency: "Lancashire Constabulary"}
	mappaCumbria = domain.Attendee{Name: "DS Mark Hinchcliffe", Role: "MAPPA coordinator", Agency: "Cumbria Constabulary"}
	ctPolicing   = domain.Attendee{Name: "DC Imogen Royle", Role: "case officer", Agency: "Counter Terrorism Policing North West"}
	opdPsych     = domain.Attendee{Name: "Dr Rebecca Ince", Role: "OPD pathway psychologist", Agency: "OPD Pathway, North West"}
	inReach      = domain.Attendee{Name: "Nadia Hussain", Role: "mental health in-reach nurse", Agency: "Prison mental health in-reach team"}
	haworthAP    = domain.Attendee{Name: "Lorraine Cottam", Role: "Approved Premises manager", Agency: "Haworth House Approved Premises, Blackburn"}
	highfieldAP  = domain.Attendee{Name: "Dean Fairclough", Role: "Approved Premises keyworker", Agency: "Highfield House Approved Premises, Accrington"}
	reconnectNav = domain.Attendee{Name: "Amy Threlfall", Role: "care navigator", Agency: "RECONNECT Lancashire and Cumbria"}
	cmhtCumbria  = domain.Attendee{Name: "Helen Ashcroft", Role: "community mental health nurse", Agency: "Community mental health team, Carlisle"}
)

// stories are what the team did with the older referrals, by the person's name as
// Person.Name() gives it; a referral with no story is still awaiting screening. Steps
// are in time order, each after stays under the scenario's ago, and every screening
// comes before the referral's meetings.
var stories = map[string][]step{
	// Withdrawn before it could be screened.
	"Samir Benali": {
		withdraw(8*h, lead, "Moved to HMP Manchester, resettling in Leeds: outside Lancashire and Cumbria. The COM withdrew the referral by email."),
	},
	// Screened out on time, each for its one reason.
	"Øyvind Haugland": {
		screenOut(3*h+15*m, tom, "Self-referral by letter. The service can take referrals only from probation, NSD/CT, RECONNECT, OPD or Channel; wrote back to explain, and told his COM, who will consider referring."),
	},
	"Bogdan Popescu": {
		screenOut(6*h, niamh, "RoSH to others is Medium in the current OASys, below the service's High / Very High threshold. Signposted the COM to RECONNECT care after custody."),
	},
	"Jamal Whitfield": {
		screenOut(26*h, niamh, "Referred about 14 months before release, before the six-month window opens. The COM will re-refer once it has opened."),
	},
	"Aleksandar Petrović": {
		screenOut(47*h, lead, "RoSH to others is Low (OASys reviewed this year); the service is for High or Very High only. Signposted to RECONNECT."),
	},
	"Hamza Qureshi": {
		screenOut(29*h, tom, "No complex health needs identified by the COM, the Channel panel or mental health in-reach. Prevent support continues through Channel."),
	},
	"José Ángel Fernández": {
		screenOut(47*h+30*m, lead, "Resettling in Manchester, outside Lancashire and Cumbria. Gave the COM the Greater Manchester contacts."),
	},
	// Screened out late.
	"Kieran Bell": {
		screenOut(75*h, niamh, "Resettling in Leeds, outside Lancashire and Cumbria. Screened late: it came in as the duty clinician went on leave and was not picked up for three days."),
	},
	// Screened in and awaiting a consultation; some incomplete, screened in with a reason.
	"Vikram Singh-Dhillon": {
		screenIn(28*h, niamh, "RoSH confirmed High by the COM by phone; OASys to follow."),
	},
	"François D'Arcy":    {screenIn(44*h, tom, "")},
	"Jean-Luc Berthelot": {screenIn(47*h, lead, "")},
	"Chidi Okafor": {
		screenIn(31*h, tom, "IPP sentence with a parole hearing listed, so no release date yet. Screened in so that consultation can be planned before the hearing."),
	},
	"Dmitri Volkov": {screenIn(5*h, lead, "")},
	"Gareth Llewellyn-Jones": {
		screenIn(30*h, tom, "Health needs not yet formally assessed; in-reach describe long-standing trauma and self-harm. Assessment booked; screened in so that it runs alongside planning."),
	},
	"Ioan Evans": {
		screenIn(5*h, niamh, "Channel panel confirms extremism concerns; the priority group (likely 2) to be confirmed at the consultation."),
	},
	"Mehmet Yılmaz": {
		screenIn(30*h, lead, "NSD confirm he is in their cohort. An Approved Premises bed in Lancashire is being sought; the resettlement area follows from it."),
	},
	// Screened in late.
	"Tariq Hussain": {screenIn(52*h+10*m, tom, "")},
	// Consultations.
	"Søren Kjærgaard": {
		screenIn(6*h, tom, ""),
		meeting(18*d+5*h, tom, domain.ConsultDeferred, "Need the updated OASys and the psychiatric report before deciding on suitability; the POM will share the report. Reconvene in two weeks.", inReach),
	},
	"Björn Ekström": {
		screenIn(26*h, niamh, ""),
		meeting(12*d+5*h, niamh, domain.ConsultDeferred, "Meets the criteria, but he has not yet been asked whether he wants to work with the service. The POM will raise it with him before the next meeting.", opdPsych),
		accept(26*d+5*h, niamh, nurse, "He has agreed to meet the service. Formulation-led work to start before release, on trauma and trust in professionals, jointly with the OPD pathway; Beth Armitage to hold the case with supervision from Dr Ó Dálaigh.", opdPsych, mappaLancs),
	},
	"Andrzej Nowak": {
		screenIn(30*h, tom, ""),
		meeting(15*d+5*h, tom, domain.ConsultNotAccepted, "Eligible, but not suitable now: he declined to meet the service at the POM's two attempts and does not consent to psychological work. The service will advise the COM on the risk management plan; the COM may re-refer if he changes his mind.", mappaLancs),
	},
	"Ciarán Ó Súilleabháin": {
		screenIn(47*h, lead, ""),
		accept(16*d+5*h, lead, tom, "Suitable and keen to engage. Approved Premises stay at Highfield House agreed, then a move to Westmorland and Furness; joint work with AP staff on the move from custody.", highfieldAP, reconnectNav),
	},
	"Stuart Pickering": {
		screenIn(27*h, niamh, ""),
		withdraw(17*d+2*h, niamh, "Release will not go ahead as planned: the Parole Board did not direct release, and the next review is more than a year away. The COM withdrew the referral and will re-refer when a new date is set."),
	},
	"Patrick Kavanagh-Reilly": {
		screenIn(4*h, tom, ""),
		accept(14*d+5*h, lead, tom, "Suitable: complex trauma and a history of disengaging from services; formulation to inform the MAPPA risk management plan and the move to Cumberland.", mappaCumbria, cmhtCumbria),
	},
	"Kofi Boateng": {
		screenIn(28*h, lead, ""),
		accept(20*d+5*h, lead, niamh, "Suitable: long OPD history and a good working relationship with the pathway; continuity of psychological support across release.", opdPsych),
	},
	"Nathaniel Brown": {
		screenIn(8*h, lead, ""),
		accept(10*d+5*h, lead, lead, "NSD cohort, suitable. Joint risk formulation with CT Policing and MAPPA ahead of release to Haworth House; the service lead holds the case.", mappaLancs, ctPolicing, haworthAP),
	},
}
