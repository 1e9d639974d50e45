package store

import (
	"context"
	"slices"
	"testing"

	"caseload/internal/domain"
)

// A lead's facts hold the team, the deactivated included, so Today can say whose cases
// need a new clinician, and the subject access requests not yet answered; a
// clinician's hold neither, and their agenda has no such sections.
func TestAgendaFactsReadTheTeamForALead(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	gone := mustClinician(t, s, "Dr Soon Gone", true)
	openCase(t, s, gone, 0)
	nobody := openCase(t, s, tm.clinician, 1)
	if _, err := s.db.Exec("UPDATE cases SET allocated_clinician_id = NULL WHERE id = ?", nobody); err != nil {
		t.Fatal(err) // as a case imported with no clinician stands
	}
	openCase(t, s, tm.clinician, 2)
	if err := s.DeactivateClinician(ctx, "os:root", t0, gone); err != nil {
		t.Fatal(err)
	}
	person := mustAdd(t, s, person("Sam", "Asking", testNHS(60)))
	var personID int64
	if err := s.db.QueryRow("SELECT person_id FROM referrals WHERE id = ?", person).Scan(&personID); err != nil {
		t.Fatal(err)
	}
	open, err := s.RecordAccessRequest(ctx, actorOf(tm.lead), t0, domain.AccessRequest{PersonID: personID,
		ReceivedOn: agendaToday.AddDays(-3), RequestedBy: "the person, by letter"})
	if err != nil {
		t.Fatal(err)
	}
	done, err := s.RecordAccessRequest(ctx, actorOf(tm.lead), t0, domain.AccessRequest{PersonID: personID,
		ReceivedOn: agendaToday.AddDays(-20), RequestedBy: "their solicitor"})
	if err == nil {
		_, err = s.AnswerAccessRequest(ctx, actorOf(tm.lead), t0, done.ID, agendaToday)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		id       int64
		team     int
		requests []int64
		lines    []string
	}{
		{"lead", tm.lead, 5, []int64{open.ID}, []string{"needs a new clinician: Dr Soon Gone has left", "unallocated"}},
		{"clinician", tm.clinician, 0, nil, nil},
	} {
		f, err := s.AgendaFacts(ctx, tt.id, t0)
		if err != nil {
			t.Fatal(err)
		}
		if got := agendaIDs(f.AccessRequests, func(a domain.AccessRequestOn) int64 { return a.ID }); !slices.Equal(got, tt.requests) ||
			(len(got) > 0 && f.AccessRequests[0].Person != "Sam Asking") {
			t.Errorf("%s: requests %v (%+v), want %v", tt.name, got, f.AccessRequests, tt.requests)
		}
		if len(f.Clinicians) != tt.team {
			t.Errorf("%s: %d clinicians read, want %d", tt.name, len(f.Clinicians), tt.team)
		}
		var got []string
		for _, it := range domain.BuildAgenda(f, tt.id, t0).Items {
			if it.Section == domain.AgendaAllocation {
				got = append(got, it.When)
			}
		}
		if len(got) != len(tt.lines) || (len(got) > 0 && (got[0] != tt.lines[0] || got[1] != tt.lines[1])) {
			t.Errorf("%s: cases needing a clinician %q, want %q", tt.name, got, tt.lines)
		}
	}
}
