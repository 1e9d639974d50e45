package report

import (
	"testing"

	"caseload/internal/domain"
)

// Decisions made in October 2026:
//
//	D1 screened in 5 Oct, accepted at the meeting of 20 Oct; received 1 Oct: 19 days.
//	D2 screened out 6 Oct, failing risk. D3 screened out 7 Oct, failing nothing.
//	D4 screened in 28 Sep (outside), deferred 2 Oct, not accepted 9 Oct; received
//	   25 Sep: 14 days.
//	D5 withdrawn 1 Nov 00:10 GMT (outside). D6 withdrawn 30 Sep 23:30Z, 00:30 BST on
//	   1 October (in).
//	D7 screened in 10 Oct, accepted 2 Nov (outside).
//	D8 received 1 Aug, accepted 31 Oct: 91 days.
//
// Screened in 2 (D1, D7), out 2 (risk 1, judgement 1); accepted 2 (D1, D8), not
// accepted 1 (D4); withdrawn 1 (D6). Days 19, 14, 91: median 19, 90th centile 91.
func TestDecisionFigures(t *testing.T) {
	in, out := domain.ScreenedIn, domain.ScreenedOut
	meet := func(r Referral, cs ...ConsultationDecision) Referral { r.Consultations = cs; return r }
	c := func(d string, o domain.ConsultationOutcome) ConsultationDecision {
		return ConsultationDecision{MeetingDate: day(d), Outcome: o}
	}
	withdrawn := func(s string) Referral { return Referral{Withdrawal: &Withdrawal{At: at(t, s)}} }
	rs := []Referral{
		meet(screened(t, "2026-10-01T09:00:00Z", "2026-10-05T09:00:00Z", in, ""), c("2026-10-20", domain.ConsultAccepted)),
		screened(t, "2026-10-02T09:00:00Z", "2026-10-06T09:00:00Z", out, domain.RuleRisk),
		screened(t, "2026-10-02T09:00:00Z", "2026-10-07T09:00:00Z", out, ""),
		meet(screened(t, "2026-09-25T10:00:00Z", "2026-09-28T10:00:00Z", in, ""),
			c("2026-10-02", domain.ConsultDeferred), c("2026-10-09", domain.ConsultNotAccepted)),
		withdrawn("2026-11-01T00:10:00Z"),
		withdrawn("2026-09-30T23:30:00Z"),
		meet(screened(t, "2026-10-08T09:00:00Z", "2026-10-10T09:00:00Z", in, ""), c("2026-11-02", domain.ConsultAccepted)),
		meet(Referral{ReceivedAt: at(t, "2026-08-01T10:00:00Z")}, c("2026-10-31", domain.ConsultAccepted)),
	}
	from, to := day("2026-10-01"), day("2026-10-31")
	got := DecisionFigures(rs, from, to)
	if got.ScreenedIn != 2 || got.ScreenedOut != 2 || got.Accepted != 2 || got.NotAccepted != 1 || got.Withdrawn != 1 {
		t.Errorf("decisions %+v, want in 2, out 2, accepted 2, not accepted 1, withdrawn 1", got)
	}
	reasons := map[string]int{}
	for _, r := range got.ScreenedOutReasons {
		reasons[r.Key] = r.Count
	}
	same(t, "reasons", reasons, map[string]int{"source": 0, "risk": 1, "priority_group": 0, "health_needs": 0,
		"resettlement": 0, "timing": 0, "judgement": 1})
	same(t, "days to consultation", DaysToConsultation(rs, from, to), Spread{Count: 3, Median: fig(19), P90: fig(91)})
	same(t, "no decisions", DaysToConsultation(nil, from, to), Spread{})
}
