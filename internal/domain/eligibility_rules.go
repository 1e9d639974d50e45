package domain

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"caseload/internal/clock"
	"caseload/internal/ident"
)

// london is loaded once: a referral's received date is its London calendar date.
var london = sync.OnceValue(clock.London)

// CheckEligibility runs the eligibility checklist of docs/RULES.md, "Eligibility checklist" over a referral's
// facts: one result per criterion, in checklist order, each with the sentence a clinician
// reads, and the verdict.
//
// now is the instant of the check. No criterion depends on it: timing compares the
// referral's own received date with its release date, so the same facts give the same
// checklist whenever it is run, and a decision recorded with its checklist can be
// explained later. It is in the signature so that a rule that does depend on the day
// (an age rule, say, which the service has not confirmed) can be added without
// touching any caller.
func CheckEligibility(r Referral, now time.Time) Eligibility {
	rules := []Rule{
		checkSource(r.Source),
		checkRisk(r.RoSH),
		checkPriorityGroup(r.PriorityGroup),
		checkHealthNeeds(r.ComplexHealthNeeds),
		keptResettlement(r.ResettlementArea, r.ApprovedPremises),
		checkTiming(ReleaseDate{Date: r.ExpectedRelease, Kind: r.ReleaseDateType}, r.ReceivedAt),
	}
	return Eligibility{
		Verdict:       verdictOf(rules),
		WindowOpensOn: ReferralWindowOpens(timingRelease(ReleaseDate{Date: r.ExpectedRelease, Kind: r.ReleaseDateType}, r.ReceivedAt)),
		Rules:         rules,
	}
}

// acceptedSources is how the checklist names the five partners who may refer.
const acceptedSources = "the service takes referrals only from probation, national security/CT, RECONNECT, OPD and Channel."

// referredBy names an accepted source as the end of "Referred by ...".
var referredBy = map[Source]string{
	SourceProbation: "HMPPS Probation Service",
	SourceNSDCT:     "a national security / counter terrorism team (Probation NSD or CT Policing)",
	SourceReconnect: "the RECONNECT care-after-custody service",
	SourceOPD:       "the Offender Personality Disorder pathway",
	SourceChannel:   "the Channel (Prevent) panel",
}

func checkSource(s Source) Rule {
	rule := func(res Result, format string, args ...any) Rule {
		return Rule{ID: RuleSource, Result: res, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case s == "":
		return rule(Unknown, "Referral source not recorded.")
	case s.Accepted():
		return rule(Pass, "Referred by %s, an accepted referrer.", referredBy[s])
	case s == SourceSelf:
		return rule(Fail, "A self-referral cannot be accepted; %s", acceptedSources)
	case s == SourceOther:
		return rule(Fail, "A referral from anyone else (family, a GP or another agency) cannot be accepted; %s", acceptedSources)
	}
	return rule(Unknown, "Referral source %q is not a known code; record who made the referral.", string(s))
}

func checkRisk(level RoSH) Rule {
	rule := func(res Result, reason string) Rule { return Rule{ID: RuleRisk, Result: res, Reason: reason} }
	switch level {
	case RoSHHigh, RoSHVeryHigh:
		return rule(Pass, "RoSH to others is "+level.Label()+".")
	case RoSHLow, RoSHMedium:
		return rule(Fail, "RoSH to others is "+level.Label()+"; the service is for High or Very High only.")
	case "":
		return rule(Unknown, "No current RoSH rating recorded.")
	}
	return rule(Unknown, fmt.Sprintf("RoSH rating %q is not a known level; record Low, Medium, High or Very High.", string(level)))
}

func checkPriorityGroup(g int) Rule {
	rule := func(res Result, reason string) Rule { return Rule{ID: RulePriorityGroup, Result: res, Reason: reason} }
	switch name := PriorityGroupName(g); {
	case name != "":
		return rule(Pass, fmt.Sprintf("Priority group %d: %s.", g, name))
	case g == NoPriorityGroup:
		return rule(Fail, "None of the three priority groups applies.")
	case g == 0:
		return rule(Unknown, "Priority group not yet determined.")
	}
	return rule(Unknown, fmt.Sprintf("Priority group %d is not one of the three; record 1, 2, 3 or none.", g))
}

func checkHealthNeeds(complex YesNo) Rule {
	rule := func(res Result, reason string) Rule { return Rule{ID: RuleHealthNeeds, Result: res, Reason: reason} }
	switch complex {
	case Yes:
		return rule(Pass, "Complex health needs identified.")
	case No:
		return rule(Fail, "No complex health needs identified.")
	}
	return rule(Unknown, "Health needs not yet assessed.")
}

// checkResettlement reads the area against the gazetteer (docs/RULES.md, "Resettlement
// area"): a place known to be inside passes and says how it was read; one known to be
// elsewhere fails naming its authority; a county is inside but names no authority yet;
// anything else is not known (never a fail) with the nearest names the gazetteer knows.
func checkResettlement(name string, approvedPremises YesNo) Rule {
	rule := func(res Result, reason string) Rule { return Rule{ID: RuleResettlement, Result: res, Reason: reason} }
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return rule(Unknown, "Resettlement area not known yet.")
	}
	p, ok := ResolvePlace(name)
	switch {
	case !ok:
		reason := fmt.Sprintf("Resettlement area %s is not a place the service knows: check the area.", name)
		if near := NearestPlaces(name); len(near) > 0 {
			reason += " Nearest known: " + strings.Join(near, ", ") + "."
		}
		return rule(Unknown, reason)
	case !p.Inside && placeKey(name) == placeKey(p.Authority):
		return rule(Fail, fmt.Sprintf("Resettlement area %s is outside Lancashire and Cumbria.", name))
	case !p.Inside:
		return rule(Fail, fmt.Sprintf("Resettlement area %s is in %s, outside Lancashire and Cumbria.", name, p.Authority))
	case p.Kind == PlaceCounty || p.Authority == p.County:
		read := p.County
		if placeKey(name) != placeKey(p.County) {
			read = fmt.Sprintf("%s (%s)", name, p.County)
		}
		return rule(Unknown, fmt.Sprintf("Resettlement area %s is a county; record the local authority, %s.", read, countyHint[p.County]))
	}
	where := fmt.Sprintf("%s: %s (%s)", name, p.Authority, p.County)
	switch {
	case p.Kind == PlaceFormer && placeKey(name) == placeKey(p.Name):
		where = fmt.Sprintf("%s, now part of %s (%s)", p.Name, p.Authority, p.County)
	case placeKey(name) == placeKey(p.Authority):
		where = fmt.Sprintf("%s (%s)", p.Authority, p.County)
	}
	if approvedPremises == Yes {
		return rule(Pass, "Resettling in "+where+", after an Approved Premises stay.")
	}
	return rule(Pass, "Resettling in "+where+".")
}

// countyHint says which authorities a county holds, for a sentence.
var countyHint = map[string]string{
	CountyLancashire: "e.g. Preston or Blackpool",
	CountyCumbria:    "Cumberland or Westmorland and Furness",
}

// timingRelease is the date the six-month window is counted back from: the release as
// ReleaseOn picks it on the day the referral was received (docs/RULES.md, "Which date is
// the release"), the same rule the pathway counts from. Zero when no date is the release.
func timingRelease(expected ReleaseDate, receivedAt time.Time) ident.Date {
	var received ident.Date
	if !receivedAt.IsZero() {
		received = ident.DateOf(receivedAt.In(london()))
	}
	return ReleaseOn(ident.Date{}, SentenceDates(nil).Set(expected), received).Date
}

func checkTiming(expected ReleaseDate, receivedAt time.Time) Rule {
	rule := func(res Result, reason string) Rule { return Rule{ID: RuleTiming, Result: res, Reason: reason} }
	release := timingRelease(expected, receivedAt)
	switch {
	case release.IsZero() && !expected.Date.IsZero() && expected.Kind == ReleaseHDCED:
		return rule(Unknown, fmt.Sprintf("Only an HDC eligibility date (%s) is recorded, and it is not a release date, so the six-month window cannot be checked.", expected.Date))
	case release.IsZero() && !expected.Date.IsZero() && expected.Kind == ReleasePED:
		return rule(Unknown, fmt.Sprintf("Parole eligibility was %s, before the referral was received: the parole decision is pending, so the six-month window cannot be checked.", expected.Date))
	case release.IsZero():
		return rule(Unknown, "No expected release date, so the six-month window cannot be checked.")
	}
	opens := ReferralWindowOpens(release)
	if receivedAt.IsZero() {
		return rule(Unknown, fmt.Sprintf("Release %s: the six-month window opens on %s; the date the referral was received is not recorded.", release, opens))
	}
	received := ident.DateOf(receivedAt.In(london()))
	switch {
	case received.Before(opens):
		return rule(Fail, fmt.Sprintf("Release %s: the six-month window opens on %s; referral received %s is too early. It can be made on or after %s.",
			release, opens, received, opens))
	case received.After(release):
		return rule(Unknown, fmt.Sprintf("Referral received %s is after the release on %s; this needs a service decision.", received, release))
	}
	return rule(Pass, fmt.Sprintf("Release %s: the six-month window opened %s; referral received %s is inside it.", release, opens, received))
}
