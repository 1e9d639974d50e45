package report

import (
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ScreeningFigures is the 48-hour measure over the screenings decided in the period,
// each counted in the London month the decision was made (docs/RULES.md, "Reports"): a
// referral received on a month's last day and screened on the next day counts as
// received in the first month and screened in the second. Hours are elapsed time from
// received_at to decided_at (when the decision was made, not when it was typed), so a
// screening across a clock change counts the hours that really passed; within 48 hours
// is domain's ScreeningClock.Within48h, the same test the stored within_48h records,
// whatever screening deadline the service has set.
func ScreeningFigures(rs []Referral, from, to ident.Date) Screening {
	ms := monthsOf(from, to)
	byMonth := make(map[string]*screeningTally, len(ms))
	for _, m := range ms {
		byMonth[m.key] = &screeningTally{}
	}
	var all screeningTally
	for _, r := range rs {
		if r.Screening == nil {
			continue
		}
		day := londonDay(r.Screening.DecidedAt)
		if !within(day, from, to) {
			continue
		}
		c := domain.NewScreeningClock(r.ReceivedAt, r.Screening.DecidedAt, r.Screening.DecidedAt, domain.Deadline48Hours)
		all.add(c)
		if t, ok := byMonth[monthOf(day)]; ok {
			t.add(c)
		}
	}
	out := Screening{Screened: all.screened, Within48h: all.within,
		PercentWithin48h: percent(all.within, all.screened), MedianHours: median(all.hours),
		ByMonth: make([]ScreeningMonth, len(ms))}
	for i, m := range ms {
		t := byMonth[m.key]
		out.ByMonth[i] = ScreeningMonth{Month: m.key, Screened: t.screened, Within48h: t.within,
			PercentWithin48h: percent(t.within, t.screened), MedianHours: median(t.hours)}
	}
	return out
}

type screeningTally struct {
	screened, within int
	hours            []float64
}

func (t *screeningTally) add(c domain.ScreeningClock) {
	t.screened++
	if c.Within48h() {
		t.within++
	}
	t.hours = append(t.hours, c.Took.Hours())
}
