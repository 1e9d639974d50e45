package demo

import (
	"math/rand/v2"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// maxMany is how many distinct valid NHS numbers the 999 range's walk below yields
// (about one body in eleven has no valid check digit).
const maxMany = 900_000

// ManyReferrals returns n fictional referrals for benchmarks and load tests: a year of
// referrals, nearly all screened, about one in a hundred still running or overdue at now.
// Statuses are set directly, with no decisions behind them (a benchmark needs volume, not
// history); the facts are the demo scenarios', with release dates mostly inside the
// window, so the eligibility verdicts are as mixed as the demo's. It is cheap (no
// uniqueness map: NHS numbers come from a walk that never repeats), so n = 20,000 takes
// milliseconds. n is capped at 900,000, the valid numbers in the test range.
func ManyReferrals(now time.Time, n int) []domain.Referral {
	now = now.UTC()
	n = min(max(n, 0), maxMany)
	g := newGen(now)
	g.r = rand.New(rand.NewPCG(3, 4)) // independent of Referrals, so its changes do not ripple here
	today := ident.DateOf(now.In(g.london))
	out := make([]domain.Referral, 0, n)
	walk := 0
	for len(out) < n {
		// 7919 is prime, so k*7919 mod 10^6 visits every body once before repeating.
		body := 999_000_000 + (walk*7919)%1_000_000
		walk++
		nhs := nhsNumber(body)
		if !checkDigitOK(nhs) {
			continue
		}
		s := scenarios[g.r.IntN(len(scenarios))]
		family := scenarios[g.r.IntN(len(scenarios))].family
		r := g.person(s.given, family)
		r.Person.NHSNumber = ident.NHSNumber(nhs)
		r.Source, r.RoSH, r.PriorityGroup, r.ResettlementArea = s.source, s.rosh, s.group, s.area
		r.ComplexHealthNeeds, r.ApprovedPremises = s.health, s.ap
		ago := time.Duration(g.r.Int64N(int64(365 * d)))
		if g.r.IntN(200) == 0 {
			ago = time.Duration(g.r.Int64N(int64(5 * d))) // still awaiting screening
		}
		r.ReceivedAt = now.Add(-ago).Truncate(time.Minute)
		r.EnteredAt = minTime(r.ReceivedAt.Add(20*time.Minute), now)
		r.Status = domain.StatusReceived
		if ago > 5*d || g.r.IntN(2) == 0 {
			took := min(time.Duration(2+g.r.IntN(60))*h, ago)
			r.ScreenedAt = r.ReceivedAt.Add(took)
			r.Status = afterScreening[g.r.IntN(len(afterScreening))]
		}
		r.Referrer = g.referrer(s.source, r.Person, s.area)
		r.Reason = g.reason(s)
		// Mostly released, or due, within six months of receipt, so the timing rule
		// passes as it does for most real referrals; one in ten has no date yet, and
		// the scenario's own too-early release stays too early.
		if days := 10 + g.r.IntN(165); days%10 != 3 && s.release != noDate {
			if s.release == tooEarly {
				days = tooEarly
			}
			r.ExpectedRelease = ident.DateOf(r.ReceivedAt.In(g.london)).AddDays(days)
			r.ReleaseDateType = g.releaseType(today.DaysUntil(r.ExpectedRelease))
		}
		out = append(out, r)
	}
	return out
}

// afterScreening are the states a screened referral can be in, screened-in most often.
var afterScreening = []domain.ReferralStatus{domain.StatusScreenedIn, domain.StatusScreenedIn,
	domain.StatusScreenedOut, domain.StatusConsultation, domain.StatusAccepted, domain.StatusNotAccepted,
	domain.StatusWithdrawn}

// checkDigitOK reports whether nhsNumber found a check digit. It is the cheap form of
// ident.ParseNHSNumber for the hot loop; the tests check every number with the parser.
func checkDigitOK(nhs string) bool {
	sum := 0
	for i := range 9 {
		sum += int(nhs[i]-'0') * (10 - i)
	}
	return 11-sum%11 != 10
}
