package domain

import (
	"testing"

	"caseload/internal/ident"
)

// A lead's Today lists the open subject access requests, the soonest due first, with
// the days left or overdue; an extended one is due on its new day and says so; an
// answered one is not listed; a clinician's Today lists none.
func TestAgendaSubjectAccessRequests(t *testing.T) {
	req := func(id int64, person string, received ident.Date) AccessRequestOn {
		return AccessRequestOn{AccessRequest: AccessRequest{ID: id, PersonID: 100 + id, ReceivedOn: received,
			DueOn: AccessRequestDue(received)}, Person: person}
	}
	late := req(1, "Late Test", ident.MustDate(2026, 10, 20))      // due 20 Nov: 4 days over
	today := req(2, "Today Test", ident.MustDate(2026, 10, 24))    // due 24 Nov
	soon := req(3, "Soon Test", ident.MustDate(2026, 11, 2))       // due 2 Dec
	extended := req(4, "Longer Test", ident.MustDate(2026, 10, 1)) // due 1 Nov, extended
	extended.ExtendedTo, extended.ExtensionReason = ident.MustDate(2026, 12, 20), "records held by three prisons"
	answered := req(5, "Done Test", ident.MustDate(2026, 10, 1))
	answered.AnsweredOn = ident.MustDate(2026, 10, 28)
	f := AgendaFacts{AccessRequests: []AccessRequestOn{soon, extended, answered, today, late}}
	for _, tt := range []struct {
		name string
		lead bool
		want []string
	}{
		{"lead", true, []string{
			"! Late Test | answer overdue by 4 days, was due Fri 20 Nov 2026",
			"Today Test | answer due today, Tue 24 Nov 2026",
			"Soon Test | answer due in 8 days, Wed 2 Dec 2026",
			"Longer Test | answer due in 26 days, Sun 20 Dec 2026 (extended)",
		}},
		{"clinician", false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := f
			f.ReaderIsLead = tt.lead
			a := BuildAgenda(f, agendaMe, agendaNow)
			wantLines(t, agendaLines(a, AgendaAccessRequests), tt.want)
			for _, it := range a.Items {
				if it.Section == AgendaAccessRequests && (it.Open.Kind != OpenAccessRequest || it.Open.ID == 0) {
					t.Errorf("%q opens %+v, want its request", it.Text, it.Open)
				}
			}
		})
	}
}
