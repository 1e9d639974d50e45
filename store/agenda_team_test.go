package store

import (
	"context"
	"testing"

	"caseload/internal/domain"
)

// A lead's facts hold the team, the deactivated included, so Today can say whose cases
// need a new clinician; a clinician's do not, and their agenda has no such section.
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
	for _, tt := range []struct {
		name  string
		id    int64
		team  int
		lines []string
	}{
		{"lead", tm.lead, 5, []string{"needs a new clinician: Dr Soon Gone has left", "unallocated"}},
		{"clinician", tm.clinician, 0, nil},
	} {
		f, err := s.AgendaFacts(ctx, tt.id, agendaToday)
		if err != nil {
			t.Fatal(err)
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
