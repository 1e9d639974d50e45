package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// eligibleReferral is a received, unscreened referral that passes every criterion.
func eligibleReferral(t testing.TB) domain.Referral {
	r := fullReferral(t)
	r.Status, r.ScreenedAt = domain.StatusReceived, time.Time{}
	return r
}

func mustAdd(t testing.TB, s *Store, r domain.Referral) int64 {
	t.Helper()
	id, err := s.AddReferral(context.Background(), "os:alice", t0, r)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mustClinician(t testing.TB, s *Store, name string, active bool) int64 {
	t.Helper()
	id, err := s.AddClinician(context.Background(), "os:root", t0, domain.Clinician{Name: name, Active: active})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// screenedIn adds an eligible referral and screens it in.
func screenedIn(t testing.TB, s *Store) int64 {
	t.Helper()
	id := mustAdd(t, s, eligibleReferral(t))
	if _, err := s.ScreenReferral(context.Background(), "os:alice", t0, id, domain.ScreenedIn, ""); err != nil {
		t.Fatal(err)
	}
	return id
}

// meeting is a complete consultation on referral id, held the day before t0.
func meeting(id int64, outcome domain.ConsultationOutcome, clinician int64) domain.Consultation {
	c := domain.Consultation{
		ReferralID:  id,
		MeetingDate: ident.MustDate(2026, time.November, 23),
		Attendees: []domain.Attendee{
			{Name: "Pat Com", Role: "COM", Agency: "Probation Service"},
			{Name: "Dr Jo Lead", Role: "clinical psychologist"}, // no agency: stored as null
		},
		Outcome:              outcome,
		Rationale:            "Discussed at length.\nAgreed.",
		AllocatedClinicianID: clinician,
	}
	if outcome == domain.ConsultDeferred {
		c.NextMeetingDate = ident.MustDate(2026, time.December, 7)
	}
	return c
}

// written is everything a refused decision must leave as it was.
type written struct {
	Status                                        domain.ReferralStatus
	Screenings, Consultations, Withdrawals, Cases int
	Audit, People                                 int
}

func state(t testing.TB, s *Store, id int64) written {
	t.Helper()
	r, err := s.Referral(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return written{Status: r.Status, Screenings: count(t, s, "screenings"), Consultations: count(t, s, "consultations"),
		Withdrawals: count(t, s, "withdrawals"), Cases: count(t, s, "cases"), Audit: count(t, s, "audit"),
		People: count(t, s, "people")}
}

// lastDetail returns the last audit entry about a record, checking its action, with
// its detail decoded.
func lastDetail(t testing.TB, s *Store, entity string, id int64, action string) map[string]any {
	t.Helper()
	es, err := s.AuditEntries(context.Background(), entity, id)
	if err != nil || len(es) == 0 {
		t.Fatalf("audit of %s %d: %v, %v", entity, id, es, err)
	}
	e := es[len(es)-1]
	if e.Action != action || e.Actor == "" {
		t.Fatalf("last audit entry of %s %d is %+v, want %s", entity, id, e, action)
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(e.Detail), &d); err != nil {
		t.Fatal(err)
	}
	delete(d, "rows") // the seals, which seal_test.go checks
	return d
}

// withoutSeals is an audit detail without the seals that end it (seal_test.go checks
// those), for tests that compare the rest of it as text.
func withoutSeals(detail string) string {
	if i := strings.LastIndex(detail, `,"rows":[[`); i > 0 {
		return detail[:i] + "}"
	}
	if strings.HasPrefix(detail, `{"rows":[[`) {
		return "{}"
	}
	return detail
}

func mustVerify(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Verify(context.Background()); err != nil {
		t.Errorf("Verify: %v", err)
	}
}
