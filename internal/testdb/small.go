package testdb

import (
	"context"
	"testing"
	"time"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/store"
)

// Empty is a database with the migrations applied and nothing in it, as Create made it
// at now: its own file, a copy of the one this test binary created for now (running
// every migration costs a test a few hundred milliseconds; a copy, a few).
func Empty(t testing.TB, now time.Time) *store.Store {
	t.Helper()
	return copyOf(t, made(t, &empties, now, func(*store.Store) error { return nil }))
}

// NoCases is a database holding one clinician, the demo's first, and nothing else.
func NoCases(t testing.TB, now time.Time) (*store.Store, domain.Clinician) {
	t.Helper()
	st := Empty(t, now)
	c := demo.Clinicians()[0]
	var err error
	if c.ID, err = st.AddClinician(context.Background(), "os:test", now, c); err != nil {
		t.Fatal(err)
	}
	return st, c
}

// Case is what OneCase made: the database, the clinician the case is allocated to, the
// case and the name of its person.
type Case struct {
	Store     *store.Store
	Clinician domain.Clinician
	ID        int64
	Person    string
}

// OneCase is a database holding one open case of a fictional person (Aoife Brennan,
// high RoSH, release expected 1 March 2027), referred three days before now, screened
// in and accepted at a consultation an hour before now, all through the store's own
// decisions, and allocated to its one clinician, Dr Tom Halliwell.
func OneCase(t testing.TB, now time.Time) Case {
	t.Helper()
	ctx := context.Background()
	st := Empty(t, now)
	me := domain.Clinician{Name: "Dr Tom Halliwell", Role: "clinical psychologist", Active: true}
	var err error
	if me.ID, err = st.AddClinician(ctx, "test", now, me); err != nil {
		t.Fatal(err)
	}
	r := domain.Referral{
		Person: domain.Person{GivenName: "Aoife", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1988, 5, 17),
			NHSNumber: "9990000018", PrisonNumber: "A1234BC", CRN: "X123456"},
		Source: domain.SourceProbation, CurrentPrison: "HMP Preston", ExpectedRelease: ident.MustDate(2027, 3, 1),
		ReleaseDateType: domain.ReleaseCRD, RoSH: domain.RoSHHigh, PriorityGroup: 3, ComplexHealthNeeds: domain.Yes,
		ResettlementArea: "Preston", ApprovedPremises: domain.No, ReceivedAt: now.Add(-72 * time.Hour),
	}
	id, err := st.AddReferral(ctx, "test", now.Add(-71*time.Hour), r)
	if err == nil {
		_, err = st.ScreenReferral(ctx, "test", now.Add(-70*time.Hour), id, domain.ScreenedIn, "")
	}
	var caseID int64
	if err == nil {
		_, caseID, err = st.RecordConsultation(ctx, "test", now.Add(-time.Hour), domain.Consultation{
			ReferralID: id, MeetingDate: ident.DateOf(now), Outcome: domain.ConsultAccepted,
			Attendees: []domain.Attendee{{Name: "Sam Carter", Role: "COM", Agency: "Probation Service"}},
			Rationale: "Meets every criterion.", AllocatedClinicianID: me.ID})
	}
	if err != nil {
		t.Fatal(err)
	}
	return Case{Store: st, Clinician: me, ID: caseID, Person: r.Person.Name()}
}
