package demo

import (
	"reflect"
	"testing"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// Every demo referral must be one the domain's own rules accept, so a demo never shows
// something the app could not have recorded.
func TestReferralsPassTheDomainRules(t *testing.T) {
	env := domain.ParseEnv{Now: now, London: clock.London()}
	for _, want := range Referrals(now) {
		got, errs := domain.InputOf(want, env.London).Parse(env)
		if len(errs) > 0 {
			t.Errorf("%s: %v", want.Person.Name(), errs)
			continue
		}
		// Parse starts every referral afresh; the rest must survive unchanged.
		got.EnteredAt, got.ScreenedAt, got.Status = want.EnteredAt, want.ScreenedAt, want.Status
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: round trip changed it:\n got %+v\nwant %+v", want.Person.Name(), got, want)
		}
	}
}

func TestReleaseDatesAndAreasSpread(t *testing.T) {
	london := now.In(clock.London())
	today := ident.DateOf(london)
	yearAhead, limit := ident.DateOf(london.AddDate(1, 0, 0)), ident.DateOf(london.AddDate(0, 18, 0))
	var past, farAhead, unknown, outside, noArea int
	types := map[domain.ReleaseDateType]bool{}
	for _, r := range Referrals(now) {
		switch erd := r.ExpectedRelease; {
		case erd.IsZero():
			unknown++
		case erd.Before(today):
			past++
		case erd.After(limit):
			t.Errorf("%s: release %s is over 18 months ahead", r.Person.Name(), erd)
		case erd.After(yearAhead):
			farAhead++
		}
		types[r.ReleaseDateType] = true
		switch r.ResettlementArea {
		case "Manchester", "Leeds":
			outside++
		case "":
			noArea++
		}
	}
	if past == 0 || farAhead == 0 || unknown == 0 || len(types) < 5 || outside < 2 || noArea < 2 {
		t.Errorf("past %d, over a year ahead %d, unknown %d, kinds %d, outside %d, no area %d",
			past, farAhead, unknown, len(types), outside, noArea)
	}
}

func TestClinicians(t *testing.T) {
	cs := Clinicians()
	roles := map[string]bool{}
	for _, c := range cs {
		roles[c.Role] = true
		if c.Name == "" || !c.Active {
			t.Errorf("clinician %+v", c)
		}
	}
	if len(cs) < 4 || len(cs) > 6 || len(roles) != 4 {
		t.Errorf("got %d clinicians in %d roles", len(cs), len(roles))
	}
}
