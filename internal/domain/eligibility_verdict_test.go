package domain_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"caseload/internal/demo"
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The queue's verdicts are the checklist's: over the demo's many referrals, and over
// referrals whose every answer is drawn at random from each criterion's values, the
// known, the unknown, the unset and the malformed, one Verdicts (remembering what it
// judged) agrees with CheckEligibility every time.
func TestVerdictsAgreeWithTheChecklist(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	var v domain.Verdicts
	check := func(r domain.Referral) {
		t.Helper()
		if got, want := v.Of(&r), domain.CheckEligibility(r, now).Verdict; got != want {
			t.Fatalf("verdict %s, the checklist's %s, for %+v", got, want, r)
		}
	}
	for _, r := range demo.ManyReferrals(now, 5000) {
		check(r)
	}
	for _, r := range demo.Referrals(now) {
		check(r)
	}
	sources := []domain.Source{domain.SourceProbation, domain.SourceNSDCT, domain.SourceReconnect, domain.SourceOPD,
		domain.SourceChannel, domain.SourceSelf, domain.SourceOther, "", "gp"}
	roshes := []domain.RoSH{domain.RoSHLow, domain.RoSHMedium, domain.RoSHHigh, domain.RoSHVeryHigh, "", "extreme"}
	groups := []int{domain.NoPriorityGroup, 0, 1, 2, 3, 7}
	answers := []domain.YesNo{domain.Yes, domain.No, ""}
	areas := []string{"Preston", "  preston ", "Blackburn with Darwen", "Westmorland and Furness", "Barrow-in-Furness",
		"Lancashire", "Cumbria", "Lancashire County Council", "Lancs", "Manchester", "Leeds", "Prestn", "", "   ", "Nowhere at all", "Wigan", "Kendal"}
	kinds := []domain.ReleaseDateType{domain.ReleaseConfirmed, domain.ReleaseCRD, domain.ReleaseARD, domain.ReleasePED,
		domain.ReleaseHDCED, domain.ReleaseHDCAD, domain.ReleaseAPD, domain.ReleasePRRD, domain.ReleaseOther, domain.ReleaseLED, ""}
	rnd := rand.New(rand.NewPCG(17, 1))
	pick := func(n int) int { return rnd.IntN(n) }
	for range 50_000 {
		r := domain.Referral{
			Source: sources[pick(len(sources))], RoSH: roshes[pick(len(roshes))], PriorityGroup: groups[pick(len(groups))],
			ComplexHealthNeeds: answers[pick(len(answers))], ApprovedPremises: answers[pick(len(answers))],
			ResettlementArea: areas[pick(len(areas))], ReleaseDateType: kinds[pick(len(kinds))],
		}
		// Received any time in two years (or never), the release up to a year either side
		// of it (or none): too early, inside the window, after the release.
		if pick(20) > 0 {
			r.ReceivedAt = now.Add(-time.Duration(rnd.Int64N(int64(2 * 365 * 24 * time.Hour)))).Truncate(time.Minute)
		}
		if pick(10) > 0 {
			from := r.ReceivedAt
			if from.IsZero() {
				from = now
			}
			r.ExpectedRelease = ident.DateOf(from).AddDays(rnd.IntN(730) - 365)
		}
		check(r)
	}
}
