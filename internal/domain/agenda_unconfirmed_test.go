package domain

import (
	"testing"

	"caseload/internal/ident"
)

// A release date that has passed with nothing recorded heads the agenda, overdue, marked
// as the clinician's own on their case; it is no release to come and no discharge due.
func TestAgendaReleaseNotConfirmedHeadsIt(t *testing.T) {
	d := ident.MustDate
	passed := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2026, 11, 10), Kind: ReleaseCRD}}}
	longAgo := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2025, 10, 1), Kind: ReleaseCRD}}}
	today := CaseRelease{Dates: SentenceDates{ReleaseDate{Date: d(2026, 11, 24), Kind: ReleaseCRD}}}
	recorded := CaseRelease{Dates: passed.Dates, Actual: d(2026, 11, 10)}
	f := AgendaFacts{
		Unscreened: []Referral{agendaReferral(1, "Al", agendaNow)},
		Cases: []CaseOnPathway{
			agendaCase(1, "Ada", agendaMe, passed),
			agendaCase(2, "Bea", agendaOther, longAgo),
			agendaCase(3, "Cal", agendaMe, today),
			agendaCase(4, "Dan", agendaMe, recorded),
		},
	}
	a := BuildAgenda(f, agendaMe, agendaNow)
	if len(a.Items) == 0 || a.Items[0].Section != AgendaUnconfirmed {
		t.Fatalf("first line %+v, want a release to confirm", a.Items)
	}
	wantLines(t, agendaLines(a, AgendaUnconfirmed), []string{
		"! Bea Test | release was due Wednesday 1 October 2025: record the release or correct the date",
		"!* Ada Test | release was due Tuesday 10 November 2026: record the release or correct the date",
	})
	wantLines(t, agendaLines(a, AgendaReleases), []string{"* Cal Test | release today, Tuesday 24 November 2026"})
	for _, it := range a.Items {
		if it.Section == AgendaDischarges && it.Open.ID != 4 {
			t.Errorf("an unconfirmed release is a discharge: %+v", it)
		}
	}
	if it := a.Items[1]; it.Open != (AgendaTarget{Kind: OpenCase, ID: 1, CaseID: 1, Tab: "pathway"}) {
		t.Errorf("the line opens %+v, want case 1's pathway", it.Open)
	}
	if got := AgendaUnconfirmed.Count(2, 2); got != "2 releases to confirm" {
		t.Errorf("Count = %q", got)
	}
	if got := AgendaUnconfirmed.Brief(1, 1); got != "1 to confirm" {
		t.Errorf("Brief = %q", got)
	}
}
