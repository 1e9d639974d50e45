package domain

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/ident"
)

// checkedAt is when the tests run the checklist; no result may depend on it.
var checkedAt = time.Date(2027, 3, 2, 9, 0, 0, 0, time.UTC)

// eligibleReferral passes every criterion: received 2027-03-01, the day after the window
// for a 2027-08-31 release opened.
func eligibleReferral() Referral {
	return Referral{
		ID: 7, Person: Person{GivenName: "Aoife", FamilyName: "Brennan"},
		Source: SourceProbation, RoSH: RoSHHigh, PriorityGroup: 1, ComplexHealthNeeds: Yes,
		ResettlementArea: "Preston", ApprovedPremises: No,
		ExpectedRelease: ident.MustDate(2027, 8, 31), ReleaseDateType: ReleaseCRD,
		ReceivedAt: time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC), Status: StatusReceived,
	}
}

// londonTime is a wall-clock time in London, as a referral's arrival is read.
func londonTime(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, london())
}

type ruleCase struct {
	name   string
	change func(*Referral)
	result Result
	reason string
}

// checkRule runs the checklist over the eligible referral with one change and compares
// one criterion's result and sentence.
func checkRule(t *testing.T, id RuleID, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eligibleReferral()
			tt.change(&r)
			e := CheckEligibility(r, checkedAt)
			got, ok := e.Rule(id)
			if !ok {
				t.Fatalf("no %s in %+v", id, e.Rules)
			}
			if got.Result != tt.result || got.Reason != tt.reason {
				t.Errorf("%s = %s %q\nwant     %s %q", id, got.Result, got.Reason, tt.result, tt.reason)
			}
			for _, other := range e.Rules {
				if other.ID != id && other.Result != Pass {
					t.Errorf("changing %s moved %s: %s %q", id, other.ID, other.Result, other.Reason)
				}
			}
			if want := map[Result]Verdict{Pass: Eligible, Fail: NotEligible, Unknown: Incomplete}[tt.result]; e.Verdict != want {
				t.Errorf("verdict %s, want %s", e.Verdict, want)
			}
		})
	}
}

const onlyFrom = "the service takes referrals only from probation, national security/CT, RECONNECT, OPD and Channel."

func TestSourceRule(t *testing.T) {
	set := func(s Source) func(*Referral) { return func(r *Referral) { r.Source = s } }
	checkRule(t, RuleSource, []ruleCase{
		{"probation", set(SourceProbation), Pass, "Referred by HMPPS Probation Service, an accepted referrer."},
		{"nsd-ct", set(SourceNSDCT), Pass, "Referred by a national security / counter terrorism team (Probation NSD or CT Policing), an accepted referrer."},
		{"reconnect", set(SourceReconnect), Pass, "Referred by the RECONNECT care-after-custody service, an accepted referrer."},
		{"opd", set(SourceOPD), Pass, "Referred by the Offender Personality Disorder pathway, an accepted referrer."},
		{"channel", set(SourceChannel), Pass, "Referred by the Channel (Prevent) panel, an accepted referrer."},
		{"self", set(SourceSelf), Fail, "A self-referral cannot be accepted; " + onlyFrom},
		{"other", set(SourceOther), Fail, "A referral from anyone else (family, a GP or another agency) cannot be accepted; " + onlyFrom},
		{"not recorded", set(""), Unknown, "Referral source not recorded."},
		{"unknown code", set("police"), Unknown, `Referral source "police" is not a known code; record who made the referral.`},
	})
	// Every code the service knows is decided, one way or the other.
	for _, s := range Sources {
		r := eligibleReferral()
		r.Source = s
		if got, _ := CheckEligibility(r, checkedAt).Rule(RuleSource); (got.Result == Pass) != s.Accepted() || got.Result == Unknown {
			t.Errorf("source %s: %s", s, got.Result)
		}
	}
}

func TestRiskRule(t *testing.T) {
	set := func(l RoSH) func(*Referral) { return func(r *Referral) { r.RoSH = l } }
	checkRule(t, RuleRisk, []ruleCase{
		{"low", set(RoSHLow), Fail, "RoSH to others is Low; the service is for High or Very High only."},
		{"medium", set(RoSHMedium), Fail, "RoSH to others is Medium; the service is for High or Very High only."},
		{"high", set(RoSHHigh), Pass, "RoSH to others is High."},
		{"very high", set(RoSHVeryHigh), Pass, "RoSH to others is Very High."},
		{"not recorded", set(""), Unknown, "No current RoSH rating recorded."},
		{"unknown level", set("extreme"), Unknown, `RoSH rating "extreme" is not a known level; record Low, Medium, High or Very High.`},
	})
}

func TestPriorityGroupRule(t *testing.T) {
	set := func(g int) func(*Referral) { return func(r *Referral) { r.PriorityGroup = g } }
	checkRule(t, RulePriorityGroup, []ruleCase{
		{"group 1", set(1), Pass, "Priority group 1: National Security Division cohort."},
		{"group 2", set(2), Pass, "Priority group 2: At Risk of Extremism cohort (not NSD)."},
		{"group 3", set(3), Pass, "Priority group 3: Other High / Very High RoSH cohort for violent or sexual harm."},
		{"none applies", set(NoPriorityGroup), Fail, "None of the three priority groups applies."},
		{"not determined", set(0), Unknown, "Priority group not yet determined."},
		{"out of range", set(4), Unknown, "Priority group 4 is not one of the three; record 1, 2, 3 or none."},
	})
}

func TestHealthNeedsRule(t *testing.T) {
	set := func(v YesNo) func(*Referral) { return func(r *Referral) { r.ComplexHealthNeeds = v } }
	checkRule(t, RuleHealthNeeds, []ruleCase{
		{"yes", set(Yes), Pass, "Complex health needs identified."},
		{"no", set(No), Fail, "No complex health needs identified."},
		{"not assessed", set(""), Unknown, "Health needs not yet assessed."},
		{"not a yes or no", set("maybe"), Unknown, "Health needs not yet assessed."},
	})
}

func TestResettlementRule(t *testing.T) {
	set := func(area string, ap YesNo) func(*Referral) {
		return func(r *Referral) { r.ResettlementArea, r.ApprovedPremises = area, ap }
	}
	tests := []ruleCase{
		{"Preston", set("Preston", No), Pass, "Resettling in Preston (Lancashire)."},
		{"Preston, Approved Premises not known", set("Preston", ""), Pass, "Resettling in Preston (Lancashire)."},
		{"Preston after AP", set("Preston", Yes), Pass, "Resettling in Preston (Lancashire), after an Approved Premises stay."},
		{"written loosely", set(" westmorland & furness ", No), Pass, "Resettling in Westmorland and Furness (Cumbria)."},
		{"Carlisle", set("Carlisle", No), Pass, "Resettling in Carlisle, now part of Cumberland (Cumbria)."},
		{"Eden after AP", set("Eden", Yes), Pass, "Resettling in Eden, now part of Westmorland and Furness (Cumbria), after an Approved Premises stay."},
		{"Manchester", set("Manchester", No), Fail, "Resettlement area Manchester is outside Lancashire and Cumbria."},
		{"Manchester after AP", set("Manchester", Yes), Fail, "Resettlement area Manchester is outside Lancashire and Cumbria."},
		{"Leeds", set("Leeds", No), Fail, "Resettlement area Leeds is outside Lancashire and Cumbria."},
		{"Prestn", set("Prestn", No), Unknown, "Resettlement area Prestn is not a place the service knows: check the area. Nearest known: Preston."},
		{"Lancster", set("Lancster", No), Unknown, "Resettlement area Lancster is not a place the service knows: check the area. Nearest known: Lancaster."},
		{"Blackpol", set("Blackpol", No), Unknown, "Resettlement area Blackpol is not a place the service knows: check the area. Nearest known: Blackpool."},
		{"spaces tidied in the sentence", set("  Greater   Manchester ", No), Fail, "Resettlement area Greater Manchester is outside Lancashire and Cumbria."},
		{"Lancashire", set("Lancashire", No), Unknown, "Resettlement area Lancashire is a county; record the local authority, e.g. Preston or Blackpool."},
		{"Cumbria", set("cumbria", No), Unknown, "Resettlement area Cumbria is a county; record the local authority, Cumberland or Westmorland and Furness."},
		{"not known", set("", Yes), Unknown, "Resettlement area not known yet."},
		{"blank", set("   ", No), Unknown, "Resettlement area not known yet."},
	}
	for _, w := range wantAreas {
		tests = append(tests, ruleCase{"every area/" + w.name, set(w.name, No), Pass, "Resettling in " + w.name + " (" + w.county + ")."})
	}
	for _, w := range wantFormer {
		tests = append(tests, ruleCase{"every former district/" + w.name, set(strings.ToUpper(w.name), No), Pass,
			"Resettling in " + w.name + ", now part of " + w.successor + " (Cumbria)."})
	}
	checkRule(t, RuleResettlement, tests)
}

func TestTimingRule(t *testing.T) {
	at := func(release ident.Date, received time.Time) func(*Referral) {
		return func(r *Referral) { r.ExpectedRelease, r.ReceivedAt = release, received }
	}
	d := ident.MustDate
	checkRule(t, RuleTiming, []ruleCase{
		{"inside the window", at(d(2027, 8, 31), londonTime(2027, 3, 1, 10, 0)), Pass,
			"Release 2027-08-31: the six-month window opened 2027-02-28; referral received 2027-03-01 is inside it."},
		{"the day the window opens", at(d(2027, 8, 31), londonTime(2027, 2, 28, 0, 0)), Pass,
			"Release 2027-08-31: the six-month window opened 2027-02-28; referral received 2027-02-28 is inside it."},
		{"the day before it opens", at(d(2027, 8, 31), londonTime(2027, 2, 27, 23, 59)), Fail,
			"Release 2027-08-31: the six-month window opens on 2027-02-28; referral received 2027-02-27 is too early. It can be made on or after 2027-02-28."},
		{"months too early", at(d(2027, 8, 31), londonTime(2026, 12, 1, 9, 0)), Fail,
			"Release 2027-08-31: the six-month window opens on 2027-02-28; referral received 2026-12-01 is too early. It can be made on or after 2027-02-28."},
		{"leap year: window opens on the 29th", at(d(2028, 8, 31), londonTime(2028, 2, 29, 9, 0)), Pass,
			"Release 2028-08-31: the six-month window opened 2028-02-29; referral received 2028-02-29 is inside it."},
		{"leap year: the 28th is too early", at(d(2028, 8, 31), londonTime(2028, 2, 28, 9, 0)), Fail,
			"Release 2028-08-31: the six-month window opens on 2028-02-29; referral received 2028-02-28 is too early. It can be made on or after 2028-02-29."},
		{"31st into a 30-day month", at(d(2027, 3, 31), londonTime(2026, 9, 30, 9, 0)), Pass,
			"Release 2027-03-31: the six-month window opened 2026-09-30; referral received 2026-09-30 is inside it."},
		{"31st into a 30-day month, a day early", at(d(2027, 3, 31), londonTime(2026, 9, 29, 9, 0)), Fail,
			"Release 2027-03-31: the six-month window opens on 2026-09-30; referral received 2026-09-29 is too early. It can be made on or after 2026-09-30."},
		{"mid-month", at(d(2026, 10, 15), londonTime(2026, 4, 15, 9, 0)), Pass,
			"Release 2026-10-15: the six-month window opened 2026-04-15; referral received 2026-04-15 is inside it."},
		{"mid-month, a day early", at(d(2026, 10, 15), londonTime(2026, 4, 14, 9, 0)), Fail,
			"Release 2026-10-15: the six-month window opens on 2026-04-15; referral received 2026-04-14 is too early. It can be made on or after 2026-04-15."},
		{"received on the release day", at(d(2027, 8, 31), londonTime(2027, 8, 31, 16, 0)), Pass,
			"Release 2027-08-31: the six-month window opened 2027-02-28; referral received 2027-08-31 is inside it."},
		{"the day after release", at(d(2027, 8, 31), londonTime(2027, 9, 1, 9, 0)), Unknown,
			"Referral received 2027-09-01 is after the release on 2027-08-31; this needs a service decision."},
		{"after release", at(d(2027, 8, 31), londonTime(2027, 9, 2, 9, 0)), Unknown,
			"Referral received 2027-09-02 is after the release on 2027-08-31; this needs a service decision."},
		// In BST, 23:30 UTC is already the next day in London: the London day counts.
		{"late evening UTC in BST is the next London day", at(d(2027, 12, 31), time.Date(2027, 6, 29, 23, 30, 0, 0, time.UTC)), Pass,
			"Release 2027-12-31: the six-month window opened 2027-06-30; referral received 2027-06-30 is inside it."},
		{"a minute before London midnight in BST", at(d(2027, 12, 31), time.Date(2027, 6, 29, 22, 59, 0, 0, time.UTC)), Fail,
			"Release 2027-12-31: the six-month window opens on 2027-06-30; referral received 2027-06-29 is too early. It can be made on or after 2027-06-30."},
		{"late evening UTC in GMT is the same London day", at(d(2027, 7, 31), time.Date(2027, 1, 30, 23, 30, 0, 0, time.UTC)), Fail,
			"Release 2027-07-31: the six-month window opens on 2027-01-31; referral received 2027-01-30 is too early. It can be made on or after 2027-01-31."},
		{"just after release-day midnight in BST", at(d(2027, 8, 31), time.Date(2027, 8, 31, 23, 30, 0, 0, time.UTC)), Unknown,
			"Referral received 2027-09-01 is after the release on 2027-08-31; this needs a service decision."},
		{"no release date", at(ident.Date{}, londonTime(2027, 3, 1, 10, 0)), Unknown,
			"No expected release date, so the six-month window cannot be checked."},
		{"no received date", at(d(2027, 8, 31), time.Time{}), Unknown,
			"Release 2027-08-31: the six-month window opens on 2027-02-28; the date the referral was received is not recorded."},
	})
}

func TestWindowOpensOn(t *testing.T) {
	r := eligibleReferral()
	if got := CheckEligibility(r, checkedAt).WindowOpensOn; got != ident.MustDate(2027, 2, 28) {
		t.Errorf("WindowOpensOn = %s, want 2027-02-28", got)
	}
	r.ExpectedRelease = ident.Date{}
	if got := CheckEligibility(r, checkedAt).WindowOpensOn; !got.IsZero() {
		t.Errorf("WindowOpensOn = %s with no release date, want zero", got)
	}
}

func TestChecklistShape(t *testing.T) {
	for _, r := range []Referral{eligibleReferral(), {}} {
		e := CheckEligibility(r, checkedAt)
		ids := make([]RuleID, len(e.Rules))
		for i, rule := range e.Rules {
			ids[i] = rule.ID
			if rule.Reason == "" || !strings.HasSuffix(rule.Reason, ".") && !strings.HasSuffix(rule.Reason, "?") {
				t.Errorf("%s: %q is not a sentence", rule.ID, rule.Reason)
			}
			if rule.Result != Pass && rule.Result != Fail && rule.Result != Unknown {
				t.Errorf("%s: result %q", rule.ID, rule.Result)
			}
		}
		if !slices.Equal(ids, RuleIDs) {
			t.Errorf("rules %v, want %v in that order", ids, RuleIDs)
		}
	}
}

// The checklist is a function of the referral's facts: the day it is run does not
// change it, so a decision and the checklist recorded with it can always be explained.
func TestChecklistDoesNotDependOnToday(t *testing.T) {
	for _, r := range []Referral{eligibleReferral(), {}, func() Referral {
		r := eligibleReferral()
		r.ReceivedAt = londonTime(2026, 12, 1, 9, 0)
		return r
	}()} {
		want := CheckEligibility(r, checkedAt)
		for _, now := range []time.Time{{}, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2040, 6, 1, 12, 0, 0, 0, time.UTC)} {
			if got := CheckEligibility(r, now); !reflect.DeepEqual(got, want) {
				t.Errorf("at %v: %+v\nwant %+v", now, got, want)
			}
		}
	}
}

func TestVerdict(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Referral)
		want   Verdict
		open   []RuleID
	}{
		{"every criterion passes", func(*Referral) {}, Eligible, nil},
		{"one unknown", func(r *Referral) { r.RoSH = "" }, Incomplete, []RuleID{RuleRisk}},
		{"several unknown", func(r *Referral) { r.PriorityGroup, r.ExpectedRelease = 0, ident.Date{} },
			Incomplete, []RuleID{RulePriorityGroup, RuleTiming}},
		{"one fails", func(r *Referral) { r.ComplexHealthNeeds = No }, NotEligible, []RuleID{RuleHealthNeeds}},
		{"a failure outweighs unknowns", func(r *Referral) { r.Source, r.RoSH, r.ResettlementArea = SourceSelf, "", "" },
			NotEligible, []RuleID{RuleSource, RuleRisk, RuleResettlement}},
		{"an unknown before a failure", func(r *Referral) { r.Source, r.ResettlementArea = "", "Manchester" },
			NotEligible, []RuleID{RuleSource, RuleResettlement}},
		{"everything fails", func(r *Referral) {
			r.Source, r.RoSH, r.PriorityGroup, r.ComplexHealthNeeds, r.ResettlementArea = SourceOther, RoSHLow, NoPriorityGroup, No, "Leeds"
			r.ReceivedAt = londonTime(2026, 1, 5, 9, 0)
		}, NotEligible, RuleIDs},
		{"nothing known yet", func(r *Referral) { *r = Referral{} }, Incomplete, RuleIDs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eligibleReferral()
			tt.change(&r)
			e := CheckEligibility(r, checkedAt)
			if e.Verdict != tt.want || !slices.Equal(e.Open(), tt.open) {
				t.Errorf("verdict %s, open %v; want %s, %v\n%+v", e.Verdict, e.Open(), tt.want, tt.open, e.Rules)
			}
		})
	}
}
