package testdb

import (
	"context"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Drafts' words in Exportable: none may ever appear in an export.
const (
	DraftNoteWords        = "DRAFT-NOTE-WORDS never to be exported"
	DraftFormulationWords = "DRAFT-FORMULATION-WORDS never to be exported"
	DraftDischargeWords   = "DRAFT-DISCHARGE-WORDS never to be exported"
)

// Exported is what Exportable made.
type Exported struct {
	Case
	Lead     domain.Clinician
	PersonID int64
}

// Exportable is OneCase's kind of database for a subject access export: one open case of
// a fictional person whose name is Arabic and Irish (يوسف Ó Súilleabháin), with two
// signed notes (the first naming his COM, Zoë Ångström, as present, and carrying an
// addendum), a signed formulation, a signed discharge summary that closed the case, the
// lead's reopening, a handover from Dr Niamh Ó Dálaigh to Dr Tom Halliwell, and drafts
// of a note, the next formulation version and a new discharge summary holding the
// Draft*Words. Its lead is Dr Amira Haddad; everything happened before now.
func Exportable(t testing.TB, now time.Time) Exported {
	t.Helper()
	ctx := context.Background()
	st := Empty(t, now)
	lead := domain.Clinician{Name: "Dr Amira Haddad", Role: "lead", Active: true, Access: domain.AccessLead}
	me := domain.Clinician{Name: "Dr Niamh Ó Dálaigh", Role: "clinical psychologist", Active: true}
	var err error
	check := func() {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	lead.ID, err = st.AddClinician(ctx, "test", now.Add(-100*time.Hour), lead)
	check()
	me.ID, err = st.AddClinician(ctx, "test", now.Add(-100*time.Hour), me)
	check()
	p := domain.Person{GivenName: "يوسف", FamilyName: "Ó Súilleabháin", DateOfBirth: ident.MustDate(1990, 2, 28),
		NHSNumber: "9990000107", PrisonNumber: "A7654ZY", CRN: "X765432"}
	r := domain.Referral{Person: p, Source: domain.SourceProbation, CurrentPrison: "HMP Preston",
		ExpectedRelease: ident.MustDate(2027, 3, 1), ReleaseDateType: domain.ReleaseCRD, RoSH: domain.RoSHHigh,
		PriorityGroup: 3, ComplexHealthNeeds: domain.Yes, ResettlementArea: "Preston", ApprovedPremises: domain.No,
		ReceivedAt: now.Add(-96 * time.Hour)}
	refID, err := st.AddReferral(ctx, "test", now.Add(-95*time.Hour), r)
	check()
	_, err = st.ScreenReferral(ctx, "test", now.Add(-94*time.Hour), refID, domain.ScreenedIn, "")
	check()
	var caseID int64
	_, caseID, err = st.RecordConsultation(ctx, "test", now.Add(-90*time.Hour), domain.Consultation{
		ReferralID: refID, MeetingDate: ident.DateOf(now.Add(-90 * time.Hour)), Outcome: domain.ConsultAccepted,
		Attendees: []domain.Attendee{{Name: "Zoë Ångström", Role: "COM", Agency: "Probation Service"}},
		Rationale: "Meets every criterion.", AllocatedClinicianID: me.ID})
	check()
	c, err := st.Case(ctx, caseID)
	check()
	sign := func(at time.Time, present, text string) domain.Note {
		t.Helper()
		n, err := st.SaveNoteDraft(ctx, me.ID, at, domain.Note{CaseID: caseID, Type: domain.NoteFaceToFace,
			ContactAt: at.Add(-time.Hour), DurationMinutes: 50, Present: present, Text: text})
		if err == nil {
			n, err = st.SignNote(ctx, me.ID, at, n.ID, n.Revision)
		}
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	first := sign(now.Add(-80*time.Hour), "يوسف Ó Súilleabháin; Zoë Ångström (COM, Probation Service)",
		"Seen at the hostel with his COM. يوسف chose the time of the next session.")
	_, err = st.AddAddendum(ctx, me.ID, now.Add(-79*time.Hour), domain.Addendum{NoteID: first.ID,
		Kind: domain.AddendumLaterInfo, Text: "The hostel confirmed the curfew since."})
	check()
	sign(now.Add(-50*time.Hour), "يوسف Ó Súilleabháin", "Telephone check-in: sleeping better.")
	_, err = st.SaveNoteDraft(ctx, me.ID, now.Add(-2*time.Hour), domain.Note{CaseID: caseID, Type: domain.NoteTelephone,
		Present: "يوسف Ó Súilleabháin; Someone Else", Text: DraftNoteWords})
	check()
	f, err := st.SaveFormulationDraft(ctx, me.ID, now.Add(-40*time.Hour), domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"presenting": "Isolation after a long sentence; wants work."}})
	check()
	_, err = st.SignFormulation(ctx, me.ID, now.Add(-39*time.Hour), f.ID, f.Revision)
	check()
	_, err = st.SaveFormulationDraft(ctx, me.ID, now.Add(-3*time.Hour), domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"presenting": DraftFormulationWords}})
	check()
	// Closed with a signed summary, reopened by the lead, handed to Tom, and a new
	// summary drafted.
	parts := map[domain.SectionID]string{}
	for _, part := range domain.DischargeParts {
		parts[part.ID] = "Signed discharge summary: " + part.Title + "."
	}
	d, err := st.SaveDischargeDraft(ctx, me.ID, now.Add(-30*time.Hour), domain.DischargeSummary{CaseID: caseID,
		Closure: domain.CaseClosure{On: ident.DateOf(now.Add(-30 * time.Hour)), Reason: domain.ClosedDisengaged}, Parts: parts})
	check()
	_, err = st.CloseCase(ctx, me.ID, now.Add(-30*time.Hour), d.ID, d.Revision)
	check()
	_, err = st.ReopenCase(ctx, lead.ID, now.Add(-20*time.Hour), caseID, "He asked to come back to the service.")
	check()
	tom := domain.Clinician{Name: "Dr Tom Halliwell", Role: "clinical psychologist", Active: true}
	tom.ID, err = st.AddClinician(ctx, "test", now.Add(-19*time.Hour), tom)
	check()
	_, err = st.HandOver(ctx, lead.ID, now.Add(-18*time.Hour), domain.Handover{CaseID: caseID, To: tom.ID,
		Note: "Niamh goes on leave; Tom knows him from the MAPPA meeting."}, me.ID)
	check()
	_, err = st.SaveDischargeDraft(ctx, tom.ID, now.Add(-time.Hour), domain.DischargeSummary{CaseID: caseID,
		Parts: map[domain.SectionID]string{"work_done": DraftDischargeWords}})
	check()
	return Exported{Case: Case{Store: st, Clinician: me, ID: caseID, Person: p.Name()}, Lead: lead, PersonID: c.PersonID}
}
