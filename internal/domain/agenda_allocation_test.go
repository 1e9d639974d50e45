package domain

import "testing"

// A lead's Today lists the open cases nobody holds and those whose clinician has left,
// by name, each opening its case; a clinician's Today lists neither.
func TestAgendaCasesNeedingAClinician(t *testing.T) {
	gone := Clinician{ID: 9, Name: "Dr Gone Test", Active: false}
	here := Clinician{ID: agendaOther, Name: "Dr Here Test", Active: true}
	held := agendaCase(1, "Held", agendaOther, releasedOn(2026, 6, 1))
	held.Clinician = here.Name
	left := agendaCase(2, "Left", gone.ID, releasedOn(2026, 6, 1))
	left.Clinician = gone.Name
	nobody := agendaCase(3, "Nobody", 0, expectedOn(ReleaseCRD, 2027, 6, 1))
	f := AgendaFacts{Cases: []CaseOnPathway{held, left, nobody}, Clinicians: []Clinician{gone, here}, ReaderIsLead: true}
	tests := []struct {
		name string
		lead bool
		want []string
	}{
		{"lead", true, []string{"Left Test | needs a new clinician: Dr Gone Test has left", "Nobody Test | unallocated"}},
		{"clinician", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := f
			f.ReaderIsLead = tt.lead
			a := BuildAgenda(f, agendaMe, agendaNow)
			wantLines(t, agendaLines(a, AgendaAllocation), tt.want)
			for _, it := range a.Items {
				if it.Section == AgendaAllocation && (it.Open.Kind != OpenCase || it.Open.ID != it.Open.CaseID || it.Urgent) {
					t.Errorf("%q opens %+v (urgent %v), want its case", it.Text, it.Open, it.Urgent)
				}
			}
		})
	}
}

// Without the team read (not a lead's facts), a clinician's case is never taken for one
// whose clinician has left.
func TestAgendaAllocationNeedsTheTeamToSayWhoLeft(t *testing.T) {
	c := agendaCase(1, "Held", agendaOther, releasedOn(2026, 6, 1))
	a := BuildAgenda(AgendaFacts{Cases: []CaseOnPathway{c}, ReaderIsLead: true}, agendaMe, agendaNow)
	wantLines(t, agendaLines(a, AgendaAllocation), nil)
}
