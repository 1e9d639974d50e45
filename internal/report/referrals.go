package report

import (
	"strconv"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ReferralFigures counts the referrals received in the period, by the London day of
// received_at (a referral received on a month's last day counts in that month however
// late it is screened): by source, every source listed in the forms' order; by
// priority group, groups 1 to 3, then "none applies", then "not decided"; by month.
func ReferralFigures(rs []Referral, from, to ident.Date) Referrals {
	out := Referrals{BySource: make([]Tally, len(domain.Sources))}
	for i, s := range domain.Sources {
		out.BySource[i] = Tally{Key: string(s), Label: s.Label()}
	}
	out.ByPriorityGroup = []Tally{
		{Key: "1", Label: domain.PriorityGroupName(1)},
		{Key: "2", Label: domain.PriorityGroupName(2)},
		{Key: "3", Label: domain.PriorityGroupName(3)},
		{Key: "none", Label: "none of the groups applies"},
		{Key: "not-decided", Label: "not decided"},
	}
	var days []ident.Date
	for _, r := range rs {
		day := londonDay(r.ReceivedAt)
		if !within(day, from, to) {
			continue
		}
		out.Received++
		days = append(days, day)
		out.BySource = add(out.BySource, string(r.Source), r.Source.Label())
		out.ByPriorityGroup = add(out.ByPriorityGroup, priorityKey(r.PriorityGroup), "")
	}
	out.ByMonth = countByMonth(days, from, to)
	return out
}

// priorityKey is the tally key of a priority group as stored.
func priorityKey(g int) string {
	switch g {
	case 1, 2, 3:
		return strconv.Itoa(g)
	case domain.NoPriorityGroup:
		return "none"
	}
	return "not-decided"
}

// add counts one under key, appending a row labelled label for a key not listed (a
// code this version does not know still counts, under its own name).
func add(ts []Tally, key, label string) []Tally {
	for i := range ts {
		if ts[i].Key == key {
			ts[i].Count++
			return ts
		}
	}
	return append(ts, Tally{Key: key, Label: label, Count: 1})
}
