package report

import (
	"slices"
	"testing"

	"caseload/internal/domain"
)

// Referrals received from September to November 2026, by the London day received:
// 31 Aug 23:30Z is 00:30 BST on 1 September (in); 31 Aug 22:30Z is 23:30 BST on 31
// August (out); 30 Nov 23:59Z is 30 November in GMT (in); 1 Dec 00:00Z is out.
// Received 4: probation 2, nsd-ct 1, opd 1; groups 1, none, not decided, 3;
// September 1, October 2, November 1.
func TestReferralFigures(t *testing.T) {
	ref := func(received string, s domain.Source, group int) Referral {
		return Referral{ReceivedAt: at(t, received), Source: s, PriorityGroup: group}
	}
	rs := []Referral{
		ref("2026-08-31T23:30:00Z", domain.SourceProbation, 1),
		ref("2026-08-31T22:30:00Z", domain.SourceChannel, 2),
		ref("2026-11-30T23:59:00Z", domain.SourceNSDCT, domain.NoPriorityGroup),
		ref("2026-12-01T00:00:00Z", domain.SourceChannel, 2),
		ref("2026-10-15T12:00:00Z", domain.SourceOPD, 0),
		ref("2026-10-16T12:00:00Z", domain.SourceProbation, 3),
	}
	got := ReferralFigures(rs, day("2026-09-01"), day("2026-11-30"))
	if got.Received != 4 {
		t.Errorf("received %d, want 4", got.Received)
	}
	counts := func(ts []Tally) map[string]int {
		m := map[string]int{}
		for _, x := range ts {
			m[x.Key] = x.Count
		}
		return m
	}
	same(t, "by source", counts(got.BySource), map[string]int{"probation": 2, "nsd-ct": 1, "reconnect": 0,
		"opd": 1, "channel": 0, "self": 0, "other": 0})
	same(t, "by priority group", counts(got.ByPriorityGroup), map[string]int{"1": 1, "2": 0, "3": 1,
		"none": 1, "not-decided": 1})
	same(t, "by month", got.ByMonth, []MonthCount{{"2026-09", 1}, {"2026-10", 2}, {"2026-11", 1}})
	if len(got.BySource) != len(domain.Sources) || got.BySource[0].Label != domain.SourceProbation.Label() {
		t.Errorf("by source lists %v, want every source in the forms' order, labelled", got.BySource)
	}
}

// The months of a period: the last month ends on the period's last day; a period
// ending before it starts has none.
func TestMonthsOf(t *testing.T) {
	got := monthsOf(day("2026-11-15"), day("2027-02-10"))
	want := []month{{"2026-11", day("2026-11-30")}, {"2026-12", day("2026-12-31")},
		{"2027-01", day("2027-01-31")}, {"2027-02", day("2027-02-10")}}
	if !slices.Equal(got, want) {
		t.Errorf("months %+v, want %+v", got, want)
	}
	if got := monthsOf(day("2026-11-15"), day("2026-11-14")); len(got) != 0 {
		t.Errorf("backwards period: %v, want none", got)
	}
}

// Median and the nearest-rank 90th centile on worked values.
func TestCentiles(t *testing.T) {
	tests := []struct {
		name        string
		xs          []float64
		median, p90 float64
	}{
		{"none", nil, -1, -1},
		{"one", []float64{7}, 7, 7},
		{"ten: rank 9", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5.5, 9},
		{"three: rank ceil(2.7) = 3", []float64{19, 14, 91}, 19, 91},
		{"eleven: rank ceil(9.9) = 10", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 6, 10},
	}
	for _, tt := range tests {
		same(t, tt.name+" median", median(tt.xs), fig(tt.median))
		same(t, tt.name+" p90", nearestRank(tt.xs, 90), fig(tt.p90))
	}
	same(t, "percent of nobody", percent(0, 0), fig(-1))
	same(t, "2 of 3", percent(2, 3), fig(66.7))
}
