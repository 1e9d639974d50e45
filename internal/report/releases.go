package report

import (
	"maps"
	"slices"
	"strconv"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// ReleaseFigures counts the releases from custody in the period: a case's actual
// release date (its first release) and its re-release after a recall, each on its
// day, month by month.
func ReleaseFigures(cs []Case, from, to ident.Date) Releases {
	var out Releases
	var days []ident.Date
	for _, c := range cs {
		if d := c.Release.Actual; within(d, from, to) {
			out.First++
			days = append(days, d)
		}
		if d := c.Release.ReReleased; within(d, from, to) {
			out.AfterRecall++
			days = append(days, d)
		}
	}
	out.Count = out.First + out.AfterRecall
	out.ByMonth = countByMonth(days, from, to)
	return out
}

// RecallFigures counts the recalls to custody dated in the period, month by month.
func RecallFigures(cs []Case, from, to ident.Date) Events {
	var days []ident.Date
	for _, c := range cs {
		if d := c.Release.RecalledOn; within(d, from, to) {
			days = append(days, d)
		}
	}
	return Events{Count: len(days), ByMonth: countByMonth(days, from, to)}
}

// DischargeFigures counts the cases closed in the period by a signed discharge
// summary, by its closed_on day, every reason listed in the form's order. A closing a
// lead has since reopened is not counted: the case did not end.
func DischargeFigures(cs []Case, from, to ident.Date) Discharges {
	out := Discharges{ByReason: make([]Tally, len(domain.ClosingReasons))}
	for i, r := range domain.ClosingReasons {
		out.ByReason[i] = Tally{Key: string(r), Label: r.Label()}
	}
	for _, c := range cs {
		for _, cl := range c.Closings {
			if cl.Reopened.IsZero() && within(cl.On, from, to) {
				out.Count++
				out.ByReason = add(out.ByReason, string(cl.Reason), string(cl.Reason))
			}
		}
	}
	return out
}

// ClinicianFiguresOf is each clinician's share, for a lead: the cases they hold open at
// the period's end, the accepted referrals allocated to them in the period (cases
// opened, by the London day) and their cases discharged in the period; a case with no
// clinician is listed under id 0, "not allocated". Only clinicians with a figure are
// listed, in the order of clinicians given, unallocated last.
func ClinicianFiguresOf(f Facts, from, to ident.Date) []ClinicianFigures {
	by := map[int64]*ClinicianFigures{}
	get := func(id int64) *ClinicianFigures {
		if by[id] == nil {
			by[id] = &ClinicianFigures{ClinicianID: id}
		}
		return by[id]
	}
	for _, c := range f.Cases {
		if OpenOn(c, to) {
			get(c.ClinicianID).OpenAtEnd++
		}
		if within(londonDay(c.OpenedAt), from, to) {
			get(c.ClinicianID).Accepted++
		}
		for _, cl := range c.Closings {
			if cl.Reopened.IsZero() && within(cl.On, from, to) {
				get(c.ClinicianID).Discharged++
			}
		}
	}
	out := []ClinicianFigures{}
	for _, cl := range f.Clinicians {
		if v := by[cl.ID]; v != nil && cl.ID != 0 {
			v.Name = cl.Name
			out = append(out, *v)
			delete(by, cl.ID)
		}
	}
	rest := slices.Sorted(maps.Keys(by)) // holders not in the team list, then nobody
	for _, id := range rest {
		if id != 0 {
			by[id].Name = "clinician " + strconv.FormatInt(id, 10)
			out = append(out, *by[id])
		}
	}
	if v := by[0]; v != nil {
		v.Name = "not allocated"
		out = append(out, *v)
	}
	return out
}
