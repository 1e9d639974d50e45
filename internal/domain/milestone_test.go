package domain

import (
	"testing"

	"caseload/internal/ident"
)

// Cases are ordered by their next milestone: overdue discharges first (their date has
// passed), then the soonest, and unknown releases last, ties by name.
func TestCountdownsOrder(t *testing.T) {
	d := ident.MustDate
	today := d(2026, 11, 24)
	person := func(given, family string) Person { return Person{GivenName: given, FamilyName: family} }
	recalled := CaseRelease{Actual: d(2026, 5, 1), RecalledOn: d(2026, 10, 1),
		Dates: SentenceDates{ReleaseDate{Date: d(2026, 12, 20), Kind: ReleasePRRD}}}
	cases := []CaseOnPathway{
		{CaseID: 1, Person: person("Ada", "Unknown"), Release: CaseRelease{}},
		{CaseID: 2, Person: person("Bea", "Later"), Release: expectedOn(ReleaseCRD, 2027, 9, 1)},
		{CaseID: 3, Person: person("Cy", "Soon"), Release: expectedOn(ReleaseCRD, 2026, 12, 10)},
		{CaseID: 4, Person: person("Di", "Overdue"), Release: releasedOn(2025, 11, 1)},
		{CaseID: 5, Person: person("Ed", "Recalled"), Release: recalled},
		{CaseID: 6, Person: person("Al", "Aardvark"), Release: CaseRelease{}},
		{CaseID: 7, Person: person("Fi", "Out"), Release: releasedOn(2026, 6, 1)},
	}
	got := Countdowns(cases, today)
	want := []struct {
		id   int64
		what string
		date ident.Date
	}{
		{4, "discharge due", d(2026, 11, 1)},
		{3, "release", d(2026, 12, 10)},
		{5, "post-recall release", d(2026, 12, 20)},
		{2, "engagement starts", d(2027, 3, 1)},
		{7, "discharge due", d(2027, 6, 1)},
		{6, "", ident.Date{}},
		{1, "", ident.Date{}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d countdowns, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Case.CaseID != w.id || g.Milestone.What != w.what || g.Milestone.Date != w.date {
			t.Errorf("row %d: case %d %q %s; want case %d %q %s", i, g.Case.CaseID, g.Milestone.What, g.Milestone.Date, w.id, w.what, w.date)
		}
	}
}
