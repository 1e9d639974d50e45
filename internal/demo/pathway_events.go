package demo

import (
	"context"
	"fmt"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// PathwayKind is what a PathwayEvent records, each through the store method named.
type PathwayKind string

// The pathway and forum writes of the demo.
const (
	PathwayReleaseChanged PathwayKind = "release-changed" // ChangeRelease
	PathwayReleased       PathwayKind = "released"        // RecordRelease
	PathwayRecalled       PathwayKind = "recalled"        // RecordRecall
	PathwayInvolvement    PathwayKind = "involvement"     // SetInvolvement
	PathwayMeeting        PathwayKind = "meeting"         // RecordForumMeeting
)

// PathwayEvent is one write on a case's pathway or forums. The case is a referral's
// (Referral, an index into Referrals(now)) or one the team held before (Existing, an
// index into ExistingCases(now)); the other index is -1.
type PathwayEvent struct {
	At       time.Time
	By       int // an index into Clinicians()
	Referral int
	Existing int
	Kind     PathwayKind

	Release     domain.ReleaseDate // PathwayReleaseChanged: the new date
	Reason      string             // PathwayReleaseChanged and PathwayRecalled: why
	Date        ident.Date         // PathwayReleased, PathwayRecalled: the day
	Involvement domain.ForumInvolvement
	Meeting     domain.ForumMeeting // CaseID is the caller's to fill
}

// PathwayEvents returns the demo's release dates and forums, in no particular order.
func PathwayEvents(now time.Time) []PathwayEvent {
	london := clock.London()
	today := ident.DateOf(now.In(london))
	at := func(days, hour int) time.Time {
		return today.AddDays(days).In(london).Add(time.Duration(hour) * time.Hour).UTC()
	}
	refs := Referrals(now)
	ref := func(family string) int {
		for i, r := range refs {
			if r.Person.FamilyName == family {
				return i
			}
		}
		panic("demo: no referral for " + family) // a typo in the table below, found by the tests
	}
	patrick, nathaniel, ciaran, kofi, bjorn := ref("Kavanagh-Reilly"), ref("Brown"), ref("Ó Súilleabháin"), ref("Boateng"), ref("Ekström")
	const (
		babajide = iota
		_
		_
		eilidh
		_
		_
		callum
		precious
	)
	onRef := func(i int, e PathwayEvent) PathwayEvent { e.Referral, e.Existing = i, -1; return e }
	onOld := func(i int, e PathwayEvent) PathwayEvent { e.Referral, e.Existing = -1, i; return e }
	released := func(i int) PathwayEvent {
		d := refs[i].ExpectedRelease
		return onRef(i, PathwayEvent{At: d.In(london).Add(15 * time.Hour).UTC(), By: assistant, Kind: PathwayReleased, Date: d})
	}
	involved := func(days int, by int, v domain.ForumInvolvement) PathwayEvent {
		v.AsAt, v.Active = today.AddDays(days), true
		return PathwayEvent{At: at(days, 11), By: by, Kind: PathwayInvolvement, Involvement: v}
	}
	mappa := func(cat domain.MAPPACategory, level int) domain.ForumInvolvement {
		return domain.ForumInvolvement{Forum: domain.ForumMAPPA, Category: cat, Level: level}
	}
	const cja = "Criminal Justice Act 2003 s.325: duty to co-operate with the MAPPA Responsible Authority"
	meeting := func(recorded, by int, m domain.ForumMeeting) PathwayEvent {
		return PathwayEvent{At: at(recorded, 12), By: by, Kind: PathwayMeeting, Meeting: m}
	}
	return []PathwayEvent{
		released(nathaniel),
		released(kofi),
		onOld(precious, PathwayEvent{At: at(-6, 16), By: lead, Kind: PathwayReleased, Date: releaseWorkday(today.AddDays(-6))}),
		onOld(callum, PathwayEvent{At: at(-21, 17), By: nurse, Kind: PathwayRecalled, Date: today.AddDays(-21),
			Reason: "Recalled by the PPCS for breach of licence: missed appointments and contact with a victim."}),
		onOld(callum, PathwayEvent{At: at(-15, 10), By: nurse, Kind: PathwayReleaseChanged,
			Release: domain.ReleaseDate{Date: releaseWorkday(today.AddDays(75)), Kind: domain.ReleasePRRD},
			Reason:  "Recall: licence breached (missed appointments, contact with a victim); post-recall release date from the PPCS."}),
		onRef(bjorn, PathwayEvent{At: at(-1, 10), By: lead, Kind: PathwayReleaseChanged,
			// The date the referral gave, of its kind, moved: one date a kind.
			Release: domain.ReleaseDate{Date: releaseWorkday(refs[bjorn].ExpectedRelease.AddDays(28)), Kind: refs[bjorn].ReleaseDateType, Confirmed: true},
			Reason:  "Date recalculated by the prison's offender management unit after a late-notified remand period; confirmed by the POM."}),
		onRef(ciaran, PathwayEvent{At: at(-1, 14), By: niamh, Kind: PathwayReleaseChanged,
			Release: domain.ReleaseDate{Date: releaseWorkday(today.AddDays(21)), Kind: domain.ReleaseHDCAD, Confirmed: true},
			Reason:  "Home detention curfew approved by the governor; the approved premises place is held from that day."}),

		onRef(patrick, involved(-30, tom, mappa(domain.MAPPACategory2, 2))),
		onRef(bjorn, involved(-2, lead, mappa(domain.MAPPACategory3, 3))),
		onRef(ciaran, involved(-8, niamh, mappa(domain.MAPPACategory2, 1))),
		onRef(nathaniel, involved(-20, lead, mappa(domain.MAPPACategory3, 2))),
		onRef(nathaniel, involved(-18, lead, domain.ForumInvolvement{Forum: domain.ForumChannel,
			Note: "Channel case held by Blackburn with Darwen Council; support accepted with consent"})),
		onRef(kofi, involved(-4, nurse, domain.ForumInvolvement{Forum: domain.ForumMARAC,
			Note: "Discussed as the perpetrator at the Wyre MARAC"})),

		onRef(patrick, meeting(-27, tom, domain.ForumMeeting{Kind: domain.MeetingMAPPAL2, Date: today.AddDays(-28),
			Chair: "Lancashire Police MAPPA unit", Role: domain.RoleAttends, ReportDue: today.AddDays(-31), ReportSent: today.AddDays(-32),
			Team:   "Dr Tom Halliwell",
			Shared: "Formulation summary and engagement to date (minimum necessary)", LegalBasis: cja,
			Outcome: "Level 2 confirmed. Approved premises place agreed; the COM leads on licence conditions.",
			Actions: []domain.ForumAction{{Text: "Share the risk formulation summary with the COM", Due: today.AddDays(-10)},
				{Text: "Offer a joint session with the AP key worker before release", Due: today.AddDays(5)}}})),
		onRef(patrick, meeting(-2, tom, domain.ForumMeeting{Kind: domain.MeetingMAPPAL2, Date: today.AddDays(6),
			Chair: "Lancashire Police MAPPA unit", Role: domain.RoleAttends, ReportDue: today.AddDays(2), Team: "Dr Tom Halliwell",
			LegalBasis: cja})),
		onRef(bjorn, meeting(-2, lead, domain.ForumMeeting{Kind: domain.MeetingMAPPAL3, Date: today.AddDays(2),
			Chair: "Lancashire Police (senior manager)", Role: domain.RoleAttends, ReportDue: today.AddDays(1),
			Team: "Dr Amara Okonkwo-Reid; Beth Armitage", LegalBasis: cja})),
		onRef(kofi, meeting(-3, nurse, domain.ForumMeeting{Kind: domain.MeetingMARAC, Date: today.AddDays(13),
			Chair: "Lancashire Constabulary (MARAC chair)", Role: domain.RoleInforms, ReportDue: today.AddDays(9), Team: "Beth Armitage",
			LegalBasis: "Crime and Disorder Act 1998 s.115; UK GDPR Art 6(1)(e) and 9(2)(h)"})),
		onRef(nathaniel, meeting(-5, lead, domain.ForumMeeting{Kind: domain.MeetingChannel, Date: today.AddDays(20),
			Chair: "Blackburn with Darwen Council (Channel Panel chair)", Role: domain.RoleInforms, ReportDue: today.AddDays(16),
			Team: "Dr Amara Okonkwo-Reid", LegalBasis: "Counter-Terrorism and Security Act 2015 s.38: duty to co-operate with the panel"})),
		onOld(babajide, meeting(-12, tom, domain.ForumMeeting{Kind: domain.MeetingMAPPAL2, Date: today.AddDays(3),
			Chair: "Lancashire Police MAPPA unit", Role: domain.RoleInforms, ReportDue: today.AddDays(-1), Team: "Dr Tom Halliwell",
			LegalBasis: cja})),
		onOld(callum, meeting(-6, nurse, domain.ForumMeeting{Kind: domain.MeetingOther, Date: today.AddDays(-7),
			Chair: "Probation (COM)", Role: domain.RoleAttends, Team: "Beth Armitage",
			Shared:     "Recent engagement and the early warning signs in his formulation",
			LegalBasis: "UK GDPR Art 6(1)(e) and 9(2)(h); Caldicott principle 7",
			Outcome:    "Professionals meeting after recall: the COM will seek a post-recall release plan with approved premises.",
			Actions: []domain.ForumAction{{Text: "Visit in custody to keep engagement going", Due: today.AddDays(4)},
				{Text: "Send the updated formulation to the POM"}}})),
		onOld(eilidh, meeting(-1, lead, domain.ForumMeeting{Kind: domain.MeetingMAPPAL2, Date: today.AddDays(35),
			Chair: "Lancashire Police MAPPA unit", Role: domain.RoleAttends, ReportDue: today.AddDays(30), Team: "Dr Amara Okonkwo-Reid",
			LegalBasis: cja})),
	}
}

// pathway applies one PathwayEvent through the store, as the clinician who made it.
func (w *writer) pathway(ctx context.Context, e PathwayEvent, existingIDs []int64, got *Populated) error {
	var caseID int64
	opened := time.Time{}
	switch {
	case e.Existing >= 0 && e.Existing < len(existingIDs):
		caseID = existingIDs[e.Existing]
	case e.Referral >= 0:
		c, ok := w.cases[e.Referral]
		if !ok {
			return fmt.Errorf("referral %d has no case yet", e.Referral)
		}
		caseID, opened = c.ID, c.OpenedAt
	default:
		return fmt.Errorf("the event names no case")
	}
	if !e.At.After(opened) || !e.At.Before(w.now) {
		return fmt.Errorf("the time is not between the case opening (%s) and now", opened.Format(time.RFC3339))
	}
	actor := "demo:" + Clinicians()[e.By].Name
	got.Pathway++
	switch e.Kind {
	case PathwayReleaseChanged:
		_, err := w.rec.ChangeRelease(ctx, actor, e.At, caseID, e.Release, e.Reason)
		return err
	case PathwayReleased:
		return w.rec.RecordRelease(ctx, actor, e.At, caseID, e.Date)
	case PathwayRecalled:
		return w.rec.RecordRecall(ctx, actor, e.At, caseID, e.Date, e.Reason)
	case PathwayInvolvement:
		v := e.Involvement
		v.CaseID = caseID
		return w.rec.SetInvolvement(ctx, actor, e.At, v)
	case PathwayMeeting:
		m := e.Meeting
		m.CaseID = caseID
		_, err := w.rec.RecordForumMeeting(ctx, actor, e.At, m)
		return err
	}
	return fmt.Errorf("unknown demo pathway write %q", e.Kind)
}
