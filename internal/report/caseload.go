package report

import (
	"caseload/internal/domain"
	"caseload/internal/ident"
)

// phases lists the pathway's phases in the order of a case's journey, the rows of
// every by-phase figure.
var phases = []struct {
	phase domain.Phase
	label string
}{
	{domain.PhaseReleaseUnknown, "release date unknown"},
	{domain.PhaseBeforeWindow, "before the window"},
	{domain.PhasePreRelease, "pre-release"},
	{domain.PhaseReleaseUnconfirmed, "release not confirmed"},
	{domain.PhasePostRelease, "post-release"},
	{domain.PhaseRecalled, "recalled"},
	{domain.PhaseDischargeDue, "discharge due"},
	{domain.PhaseDischargeOverdue, "discharge overdue"},
}

// CaseloadByMonth counts the cases open at the end of each month of the period (the
// month's last day, or the period's last day in its last month), each by its phase on
// that day (domain.PathwayOf on the release facts as they now stand).
func CaseloadByMonth(cs []Case, from, to ident.Date) []MonthCaseload {
	ms := monthsOf(from, to)
	out := make([]MonthCaseload, len(ms))
	for i, m := range ms {
		row := MonthCaseload{Month: m.key, EndOn: m.end, ByPhase: make([]Tally, len(phases))}
		for j, p := range phases {
			row.ByPhase[j] = Tally{Key: string(p.phase), Label: p.label}
		}
		for _, c := range cs {
			if !OpenOn(c, m.end) {
				continue
			}
			row.Open++
			p := domain.PathwayOf(c.Release, m.end).Phase
			row.ByPhase = add(row.ByPhase, string(p), string(p))
		}
		out[i] = row
	}
	return out
}

// OpenOn reports whether a case is open at the end of day d: opened on or before d
// (London day of opened_at) and not closed then. A signed closing closes the case from
// its closed_on day, so a case closed on a month's last day is not open at that
// month's end; a lead's reopening opens it again from the London day reopened, so a
// case closed and reopened is open before the closing and after the reopening.
func OpenOn(c Case, d ident.Date) bool {
	if d.Before(londonDay(c.OpenedAt)) {
		return false
	}
	for _, cl := range c.Closings {
		if cl.On.After(d) {
			continue
		}
		if cl.Reopened.IsZero() || cl.Reopened.After(d) {
			return false
		}
	}
	return true
}
