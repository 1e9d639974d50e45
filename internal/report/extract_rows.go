package report

import (
	"strconv"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ExtractRows are the extract's rows in ExtractColumns' order, one per person referred
// in the period (ExtractPeople), described by their last referral in it and the case it
// opened, with every date a month (YYYY-MM) and nothing after the period's end:
// docs/EXTRACT.md says what each column holds. No name, NHS number or date of birth is
// read into Facts beyond the date of birth, which leaves here only as an age band.
func ExtractRows(f Facts, from, to ident.Date, key []byte) [][]string {
	people := ExtractPeople(f, from, to)
	referrals := map[int64]int{}
	for _, r := range f.Referrals {
		if within(londonDay(r.ReceivedAt), from, to) {
			referrals[r.PersonID]++
		}
	}
	cases := make(map[int64]Case, len(f.Cases))
	for _, c := range f.Cases {
		cases[c.ReferralID] = c
	}
	outcomes := map[int64]map[domain.TimePoint]domain.TransitionOutcome{}
	for _, t := range f.Transitions {
		if outcomes[t.CaseID] == nil {
			outcomes[t.CaseID] = map[domain.TimePoint]domain.TransitionOutcome{}
		}
		outcomes[t.CaseID][t.Point] = t // oldest first: the last stands
	}
	scores := map[int64][]domain.MeasureScore{}
	for _, s := range StandingScores(f.Scores) {
		scores[s.CaseID] = append(scores[s.CaseID], s)
	}
	out := make([][]string, 0, len(people))
	for _, r := range people {
		row := referralCells(r, referrals[r.PersonID], key, to)
		c, ok := cases[r.ID]
		if !ok {
			c = Case{ID: -1}
		}
		row = append(row, caseCells(c, ok, to)...)
		row = append(row, outcomeCells(outcomes[c.ID])...)
		for _, d := range domain.Measures() {
			row = append(row, measureCells(d, scores[c.ID], to)...)
		}
		out = append(out, row)
	}
	return out
}

// month is a day's month, or "" for an unknown day or one after the period's end.
func monthUpTo(d, to ident.Date) string {
	if d.IsZero() || d.After(to) {
		return ""
	}
	return monthOf(d)
}

func referralCells(r Referral, referrals int, key []byte, to ident.Date) []string {
	received := londonDay(r.ReceivedAt)
	row := []string{Pseudonym(key, r.PersonID), strconv.Itoa(referrals), monthOf(received), string(r.Source),
		priorityKey(r.PriorityGroup), AgeBand(r.DateOfBirth, received)}
	outcome, month, in48, reason := "", "", "", ""
	if s := r.Screening; s != nil && !londonDay(s.DecidedAt).After(to) {
		outcome, month = string(s.Outcome), monthOf(londonDay(s.DecidedAt))
		in48 = yesNo(domain.NewScreeningClock(r.ReceivedAt, s.DecidedAt, s.DecidedAt, domain.Deadline48Hours).Within48h())
		if s.Outcome == domain.ScreenedOut {
			reason = string(s.FailedRule)
			if reason == "" {
				reason = judgement
			}
		}
	}
	row = append(row, outcome, month, in48, reason)
	consulted, cMonth, days := "", "", ""
	if c, ok := decidingConsultation(r); ok && !c.MeetingDate.After(to) {
		consulted, cMonth = string(c.Outcome), monthOf(c.MeetingDate)
		days = strconv.Itoa(received.DaysUntil(c.MeetingDate))
	}
	withdrawn := ""
	if r.Withdrawal != nil {
		withdrawn = monthUpTo(londonDay(r.Withdrawal.At), to)
	}
	return append(row, consulted, cMonth, days, withdrawn)
}

func caseCells(c Case, ok bool, to ident.Date) []string {
	opened := londonDay(c.OpenedAt)
	if !ok || opened.After(to) {
		return make([]string, 7)
	}
	phase := "closed"
	if OpenOn(c, to) {
		phase = string(domain.PathwayOf(c.Release, to).Phase)
	}
	closedMonth, reason := "", ""
	for _, cl := range c.Closings {
		if cl.Reopened.IsZero() && !cl.On.After(to) {
			closedMonth, reason = monthOf(cl.On), string(cl.Reason)
		}
	}
	rel := c.Release
	return []string{monthOf(opened), phase, monthUpTo(rel.Actual, to), monthUpTo(rel.RecalledOn, to),
		monthUpTo(rel.ReReleased, to), closedMonth, reason}
}

func outcomeCells(at map[domain.TimePoint]domain.TransitionOutcome) []string {
	rel, acc, dis := at[domain.PointRelease], at[domain.PointAcceptance], at[domain.PointDischarge]
	gp := ""
	if rel.GPRegistered != "" {
		gp = "no"
		if rel.GPRegistered == domain.Yes {
			gp = "yes"
		}
	}
	return []string{gp, string(rel.Accommodation), string(rel.MentalHealth), string(rel.SubstanceUse),
		string(rel.PhysicalHealth), string(acc.MAPPALevel), string(acc.RoSH),
		string(dis.Accommodation), string(dis.MentalHealth), string(dis.SubstanceUse), string(dis.PhysicalHealth),
		string(dis.Recalled), string(dis.MAPPALevel), string(dis.RoSH)}
}

// measureCells are one measure's baseline, latest score by the period's end, their
// months, the change and whether it was reliable (improved, worse or no).
func measureCells(d domain.MeasureDefinition, scores []domain.MeasureScore, to ident.Date) []string {
	var base, last *domain.MeasureScore
	for i := range scores {
		s := &scores[i]
		switch {
		case s.Measure != d.ID || s.TakenOn.After(to):
		case base == nil:
			base = s
		case s.TakenOn.After(base.TakenOn):
			last = s
		}
	}
	cells := make([]string, len(measureColumns))
	if base == nil {
		return cells
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	cells[0], cells[1] = num(base.Total()), monthOf(base.TakenOn)
	if last == nil {
		return cells
	}
	c := d.Change(base.Total(), last.Total())
	cells[2], cells[3], cells[4] = num(last.Total()), monthOf(last.TakenOn), num(c.Delta)
	switch {
	case c.Improved:
		cells[5] = "improved"
	case c.Worse:
		cells[5] = "worse"
	default:
		cells[5] = "no"
	}
	return cells
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
