package demo

import (
	"fmt"
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
	if !reflect.DeepEqual(Decisions(now), Decisions(now)) {
		t.Fatal("two Decisions calls with the same now differ")
	}
	if !reflect.DeepEqual(ManyReferrals(now, 500), ManyReferrals(now, 500)) {
		t.Fatal("two ManyReferrals calls with the same now differ")
	}
}

// Referrals are made as they arrived: every later state comes from Decisions.
func TestReferralsArriveUnscreened(t *testing.T) {
	rs := Referrals(now)
	if len(rs) < 35 || len(rs) > 45 {
		t.Errorf("got %d referrals, want about 40", len(rs))
	}
	for _, r := range rs {
		if r.Status != domain.StatusReceived || !r.ScreenedAt.IsZero() {
			t.Errorf("%s: status %s, screened at %v; want received and unscreened", r.Person.Name(), r.Status, r.ScreenedAt)
		}
	}
}

// After the decisions, the caseload shows every state, clock, source, RoSH level and
// priority group.
func TestEveryStateAfterTheDecisions(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range simulate(t, now) {
		c := r.Clock(now)
		seen["status "+string(r.Status)] = true
		seen["source "+string(r.Source)] = true
		seen["rosh "+string(r.RoSH)] = true
		seen[fmt.Sprint("group ", r.PriorityGroup)] = true
		if r.Status != domain.StatusReceived && r.Status != domain.StatusWithdrawn && r.ScreenedAt.IsZero() {
			t.Errorf("%s: %s but never screened", r.Person.Name(), r.Status)
		}
		if r.Status != domain.StatusReceived && r.Status != domain.StatusWithdrawn {
			if c.OnTime() {
				seen["screened on time"] = true
			} else {
				seen["screened late"] = true
			}
			continue
		}
		if r.Status != domain.StatusReceived {
			continue
		}
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
		}
	}
	want := []string{"just received", "due soon", "due", "overdue by hours", "overdue by days",
		"screened on time", "screened late", "rosh ", "group 0", fmt.Sprint("group ", domain.NoPriorityGroup)}
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

// The facts give a deliberate mix of verdicts, the same whatever now is: the release
// dates count from each referral's own receipt.
func TestVerdictMix(t *testing.T) {
	nows := []time.Time{now,
		time.Date(2027, 3, 28, 0, 30, 0, 0, time.UTC),  // the night the clocks go forward
		time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), // and back
		time.Date(2028, 2, 29, 23, 59, 0, 0, time.UTC), // a leap day, late
		time.Date(2026, 8, 31, 12, 0, 0, 0, time.UTC),  // a month end the window clamps
	}
	for _, at := range nows {
		t.Run(at.Format(time.RFC3339), func(t *testing.T) {
			counts := map[domain.Verdict]int{}
			failed := map[domain.RuleID]int{}
			text := ""
			for _, r := range Referrals(at) {
				e := domain.CheckEligibility(r, at)
				counts[e.Verdict]++
				var fails, unknowns []domain.RuleID
				for _, rule := range e.Rules {
					text += rule.Reason + "\n"
					switch rule.Result {
					case domain.Fail:
						fails = append(fails, rule.ID)
					case domain.Unknown:
						unknowns = append(unknowns, rule.ID)
					}
				}
				switch e.Verdict {
				case domain.NotEligible:
					if len(fails) != 1 || len(unknowns) != 0 {
						t.Errorf("%s is not eligible for more than one reason: fails %v, unknown %v", r.Person.Name(), fails, unknowns)
					}
					failed[fails[0]]++
				case domain.Incomplete:
					if n := len(unknowns); n < 1 || n > 2 {
						t.Errorf("%s: %d unknowns %v, want one or two", r.Person.Name(), n, unknowns)
					}
				}
			}
			if counts[domain.Eligible] < 15 || counts[domain.Incomplete] < 6 || counts[domain.NotEligible] < 6 {
				t.Errorf("verdicts %v: want at least 15 eligible, 6 incomplete and 6 not eligible", counts)
			}
			// Every criterion is the one reason for some referral.
			for _, id := range domain.RuleIDs {
				if failed[id] == 0 {
					t.Errorf("no referral fails only %s (failed: %v)", id, failed)
				}
			}
			for _, want := range []string{"check the area. Nearest known: Preston.", "now part of Cumberland", "after an Approved Premises stay",
				"A self-referral cannot be accepted", "A referral from anyone else", "RoSH to others is Medium",
				"RoSH to others is Low", "Resettlement area Manchester is outside", "Resettlement area Leeds is outside",
				"is too early", "None of the three priority groups applies.", "No complex health needs identified.",
				"No current RoSH rating recorded.", "Priority group not yet determined.", "Health needs not yet assessed.",
				"Resettlement area not known yet.", "No expected release date"} {
				if !strings.Contains(text, want) {
					t.Errorf("no checklist says %q", want)
				}
			}
		})
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
