package domain

import (
	"strings"
	"time"

	"caseload/internal/ident"
)

// Verdicts gives the eligibility checklist's verdict alone, for a list that shows one
// beside each of many referrals (the queue's Eligibility column): the verdict
// CheckEligibility concludes, without the sentences that explain each criterion or the
// nearest place names offered for an area the gazetteer does not know. Those are for a
// person reading one referral, and writing them cost most of loading 100,000 referrals.
//
// It remembers how each resettlement area and each mix of source, risk, priority group
// and health needs was judged, since a service's referrals repeat a few hundred of
// them: the zero value is ready to use, and one Verdicts serves one load (it is not
// safe for two goroutines at once). TestVerdictsAgreeWithTheChecklist holds it to
// CheckEligibility.
type Verdicts struct {
	areas map[string]Result
	facts map[verdictFacts]Result
}

// verdictFacts are the criteria judged from a referral's coded answers alone.
type verdictFacts struct {
	source  Source
	rosh    RoSH
	group   int
	complex YesNo
}

// Of is r's verdict, as CheckEligibility(r, now).Verdict.
func (v *Verdicts) Of(r *Referral) Verdict {
	if v.areas == nil {
		v.areas, v.facts = map[string]Result{}, map[verdictFacts]Result{}
	}
	facts := verdictFacts{r.Source, r.RoSH, r.PriorityGroup, r.ComplexHealthNeeds}
	coded, ok := v.facts[facts]
	if !ok {
		coded = worst(checkSource(r.Source).Result, checkRisk(r.RoSH).Result,
			checkPriorityGroup(r.PriorityGroup).Result, checkHealthNeeds(r.ComplexHealthNeeds).Result)
		v.facts[facts] = coded
	}
	area, ok := v.areas[r.ResettlementArea]
	if !ok {
		area = resettlementResult(r.ResettlementArea)
		v.areas[strings.Clone(r.ResettlementArea)] = area
	}
	return verdictOf([]Rule{{Result: coded}, {Result: area},
		{Result: timingResult(ReleaseDate{Date: r.ExpectedRelease, Kind: r.ReleaseDateType}, r.ReceivedAt)}})
}

// worst is the result that decides a verdict among results: a fail, else an unknown,
// else a pass.
func worst(results ...Result) Result {
	w := Pass
	for _, r := range results {
		switch r {
		case Fail:
			return Fail
		case Unknown:
			w = Unknown
		}
	}
	return w
}

// resettlementResult is checkResettlement's result without its sentence (and so
// without the search for the nearest known places).
func resettlementResult(name string) Result {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return Unknown
	}
	p, ok := ResolvePlace(name)
	switch {
	case !ok:
		return Unknown
	case !p.Inside:
		return Fail
	case p.Kind == PlaceCounty || p.Authority == p.County:
		return Unknown
	}
	return Pass
}

// timingResult is checkTiming's result without its sentence.
func timingResult(expected ReleaseDate, receivedAt time.Time) Result {
	if receivedAt.IsZero() || expected.Date.IsZero() {
		return Unknown // no release to count from, or no day of receipt to count to
	}
	received := ident.DateOf(receivedAt.In(london()))
	// timingRelease without the slice SentenceDates.Set makes: one date, the release as
	// ReleaseOn picks it on the day of receipt.
	if expected.Kind == ReleaseConfirmed {
		expected.Confirmed = true
	}
	dates := [1]ReleaseDate{expected}
	release := ReleaseOn(ident.Date{}, dates[:], received).Date
	switch {
	case release.IsZero():
		return Unknown
	case received.Before(ReferralWindowOpens(release)):
		return Fail
	case received.After(release):
		return Unknown
	}
	return Pass
}
