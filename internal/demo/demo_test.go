package demo

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// now is a fixed instant: the demo must never depend on today's date.
var now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func TestReferralsAreDeterministic(t *testing.T) {
	if !reflect.DeepEqual(Referrals(now), Referrals(now)) {
		t.Fatal("two calls with the same now differ")
	}
	if !reflect.DeepEqual(ManyReferrals(now, 500), ManyReferrals(now, 500)) {
		t.Fatal("two ManyReferrals calls with the same now differ")
	}
}

func TestReferralsShowEveryState(t *testing.T) {
	rs := Referrals(now)
	if len(rs) < 35 || len(rs) > 45 {
		t.Errorf("got %d referrals, want about 40", len(rs))
	}
	seen := map[string]bool{}
	for _, r := range rs {
		c := r.Clock(now)
		seen["status "+string(r.Status)] = true
		seen["source "+string(r.Source)] = true
		seen["rosh "+string(r.RoSH)] = true
		seen["group "+string(rune('0'+r.PriorityGroup))] = true
		switch {
		case c.State == domain.ClockDue && c.Left > 47*time.Hour:
			seen["just received"] = true
		case c.State == domain.ClockDue && c.Soon:
			seen["due soon"] = true
		case c.State == domain.ClockDue:
			seen["due"] = true
		case c.State == domain.ClockOverdue && c.Left > -24*time.Hour:
			seen["overdue by hours"] = true
		case c.State == domain.ClockOverdue:
			seen["overdue by days"] = true
		case c.OnTime():
			seen["screened on time"] = true
		default:
			seen["screened late"] = true
		}
		if (r.Status == domain.StatusReceived) != r.ScreenedAt.IsZero() {
			t.Errorf("%s: status %s with ScreenedAt %v", r.Person.Name(), r.Status, r.ScreenedAt)
		}
	}
	want := []string{"just received", "due soon", "due", "overdue by hours", "overdue by days",
		"screened on time", "screened late", "rosh ", "group 0"}
	for _, s := range domain.Statuses {
		want = append(want, "status "+string(s))
	}
	for _, s := range domain.Sources {
		want = append(want, "source "+string(s))
	}
	for _, l := range domain.RoSHLevels {
		want = append(want, "rosh "+string(l))
	}
	for _, g := range []string{"1", "2", "3"} {
		want = append(want, "group "+g)
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("no demo referral is %q", w)
		}
	}
}

func TestNothingHappensAfterNow(t *testing.T) {
	for _, r := range append(Referrals(now), ManyReferrals(now, 2000)...) {
		for name, at := range map[string]time.Time{"received": r.ReceivedAt, "entered": r.EnteredAt, "screened": r.ScreenedAt} {
			if at.After(now) {
				t.Errorf("%s: %s at %v, after now", r.Person.Name(), name, at)
			}
		}
		if r.EnteredAt.Before(r.ReceivedAt) {
			t.Errorf("%s: entered before it was received", r.Person.Name())
		}
		if !r.ScreenedAt.IsZero() && r.ScreenedAt.Before(r.ReceivedAt) {
			t.Errorf("%s: screened before it was received", r.Person.Name())
		}
	}
}

func TestNamesCoverManyScripts(t *testing.T) {
	names := map[string]bool{}
	for _, r := range Referrals(now) {
		names[r.Person.Name()] = true
	}
	for _, want := range []string{"يوسف الحداد", "Zoë Whitworth-Hale", "Siobhán O'Connor", "Łukasz Wiśniewski", "Minh Nguyễn", "Øyvind Haugland"} {
		if !names[want] {
			t.Errorf("missing %q", want)
		}
	}
}

func TestIdentifiersAreValid(t *testing.T) {
	check := func(t *testing.T, rs []domain.Referral) {
		nhs := map[ident.NHSNumber]string{}
		for _, r := range rs {
			p := r.Person
			if p.NHSNumber != "" {
				got, err := ident.ParseNHSNumber(string(p.NHSNumber))
				if err != nil || got != p.NHSNumber || !got.IsTestRange() {
					t.Errorf("%s: NHS number %s: %v (test range %v)", p.Name(), p.NHSNumber, err, got.IsTestRange())
				}
				if other, dup := nhs[p.NHSNumber]; dup {
					t.Errorf("NHS number %s given to %s and %s", p.NHSNumber, other, p.Name())
				}
				nhs[p.NHSNumber] = p.Name()
			}
			if p.PNCID != "" {
				if got, err := ident.ParsePNCID(string(p.PNCID), now); err != nil || got != p.PNCID {
					t.Errorf("%s: PNC ID %s: %v", p.Name(), p.PNCID, err)
				}
			}
			if _, err := ident.ParsePrisonNumber(string(p.PrisonNumber)); p.PrisonNumber != "" && err != nil {
				t.Errorf("%s: %v", p.Name(), err)
			}
			if _, err := ident.ParseCRN(string(p.CRN)); p.CRN != "" && err != nil {
				t.Errorf("%s: %v", p.Name(), err)
			}
			if age := ageOn(p.DateOfBirth, ident.DateOf(now.In(clock.London()))); age < 19 || age > 70 {
				t.Errorf("%s: aged %d", p.Name(), age)
			}
		}
		if len(nhs) < len(rs)*3/4 {
			t.Errorf("only %d of %d have an NHS number", len(nhs), len(rs))
		}
	}
	t.Run("Referrals", func(t *testing.T) { check(t, Referrals(now)) })
	t.Run("ManyReferrals", func(t *testing.T) {
		rs := ManyReferrals(now, 20_000)
		if len(rs) != 20_000 {
			t.Fatalf("got %d, want 20000", len(rs))
		}
		check(t, rs)
	})
}

func ageOn(dob, on ident.Date) int {
	age := on.Year - dob.Year
	if on.Month < dob.Month || on.Month == dob.Month && on.Day < dob.Day {
		age--
	}
	return age
}

func TestEmailsUseTheReservedDomain(t *testing.T) {
	for _, r := range Referrals(now) {
		if e := r.Referrer.Email; e != "" && !strings.HasSuffix(e, "@example.org") {
			t.Errorf("%s: referrer email %s is not @example.org", r.Person.Name(), e)
		}
	}
}

func BenchmarkManyReferrals(b *testing.B) {
	for b.Loop() {
		ManyReferrals(now, 20_000)
	}
}
