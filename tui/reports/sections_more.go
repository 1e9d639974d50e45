package reports

import (
	"cmp"
	"fmt"
	"strconv"

	"caseload/internal/report"
	"caseload/tui/component/chart"
)

// caseload: the cases open at each month's end, by phase.
func (p *page) caseload(ms []report.MonthCaseload) {
	p.heading("Open cases at each month's end")
	if len(ms) == 0 {
		return
	}
	// Only the phases some month has: eight columns of noughts say nothing.
	var used []int
	for j, ph := range ms[0].ByPhase {
		for _, m := range ms {
			if j < len(m.ByPhase) && m.ByPhase[j].Key == ph.Key && m.ByPhase[j].Count > 0 {
				used = append(used, j)
				break
			}
		}
	}
	head := []string{"Month", "Open"}
	for _, j := range used {
		head = append(head, cmp.Or(ms[0].ByPhase[j].Label, ms[0].ByPhase[j].Key))
	}
	rows := make([][]string, len(ms))
	months := make([]chart.Month, len(ms))
	for i, m := range ms {
		rows[i] = []string{monthName(m.Month), strconv.Itoa(m.Open)}
		for _, j := range used {
			n := 0
			if j < len(m.ByPhase) {
				n = m.ByPhase[j].Count
			}
			rows[i] = append(rows[i], strconv.Itoa(n))
		}
		months[i] = chart.Month{Label: monthName(m.Month), Value: float64(m.Open)}
	}
	p.pair(p.table(head, rows), func(w int) string {
		return chart.Months(months, chart.Scale{}, w, chartRows)
	})
	last := ms[len(ms)-1]
	p.sub(fmt.Sprintf("By phase on %s", last.EndOn.Medium()))
	p.bars(tallies(last.ByPhase, last.Open), 0)
}

// movements: releases, recalls and discharges.
func (p *page) movements(r report.Report) {
	p.heading("Releases, recalls and discharges")
	p.bars([]chart.Count{
		{Label: "Released for the first time", Value: float64(r.Releases.First)},
		{Label: "Released again after a recall", Value: float64(r.Releases.AfterRecall)},
		{Label: "Recalled", Value: float64(r.Recalls.Count)},
		{Label: "Discharged", Value: float64(r.Discharges.Count)},
	}, 0)
	p.sub("By month")
	rows := make([][]string, len(r.Releases.ByMonth))
	months := make([]chart.Month, len(r.Releases.ByMonth))
	for i, m := range r.Releases.ByMonth {
		recalls := 0
		if i < len(r.Recalls.ByMonth) && r.Recalls.ByMonth[i].Month == m.Month {
			recalls = r.Recalls.ByMonth[i].Count
		}
		rows[i] = []string{monthName(m.Month), strconv.Itoa(m.Count), strconv.Itoa(recalls)}
		months[i] = chart.Month{Label: monthName(m.Month), Value: float64(m.Count)}
	}
	p.pair(p.table([]string{"Month", "Releases", "Recalls"}, rows), func(w int) string {
		return chart.Months(months, chart.Scale{}, w, chartRows)
	})
	p.note("Columns: releases each month.")
	p.sub("Discharges by reason")
	if r.Discharges.Count == 0 {
		p.note("No case was discharged in the period.")
		return
	}
	p.bars(tallies(r.Discharges.ByReason, r.Discharges.Count), 0)
}

// outcomes: the measures' change and GP registration by release day.
func (p *page) outcomes(o report.Outcomes) {
	p.heading("Outcomes")
	p.sub("Measures: people with a baseline and a later score")
	rows := make([][]string, len(o.Measures))
	var better []chart.Count
	for i, m := range o.Measures {
		name := cmp.Or(m.Name, m.Measure)
		rows[i] = []string{name, strconv.Itoa(m.People), signed(m.MeanChange),
			fmt.Sprintf("%d (%s)", m.ReliablyImproved, percent(m.PercentImproved)),
			fmt.Sprintf("%d (%s)", m.ReliablyWorse, percent(m.PercentWorse))}
		if m.People > 0 {
			better = append(better,
				chart.Count{Label: name + " better", Value: value(m.PercentImproved), Text: percent(m.PercentImproved)},
				chart.Count{Label: name + " worse", Value: value(m.PercentWorse), Text: percent(m.PercentWorse)})
		}
	}
	tab := p.table([]string{"Measure", "People", "Mean change", "Reliably better", "Reliably worse"}, rows)
	if len(better) == 0 {
		p.lines = append(p.lines, tab...)
		p.note("Nobody has a baseline and a later score of any measure in the period.")
	} else {
		p.pair(tab, func(w int) string { return chart.Bars(better, 100, min(w, barsMost)) })
		p.note("Mean change: the later score less the baseline, in the measure's own points. Bars: the share of those people reliably better, and reliably worse.")
	}
	g := o.GPRegisteredRelease
	p.sub("Registered with a GP by the day of release")
	if g.Released == 0 {
		p.note("Nobody was released in the period.")
		return
	}
	p.say(fmt.Sprintf("Released: %d. Answer recorded: %d. Registered: %d (%s of those recorded).", g.Released, g.Recorded, g.Registered, percent(g.Percent)))
	p.bars([]chart.Count{
		{Label: "Registered", Value: float64(g.Registered)},
		{Label: "Not registered", Value: float64(g.Recorded - g.Registered)},
		{Label: "Not recorded", Value: float64(g.NotRecorded)},
	}, 0)
}

// clinicians: each clinician's share, for a lead.
func (p *page) clinicians(cs []report.ClinicianFigures) {
	p.heading("By clinician")
	if len(cs) == 0 {
		p.note("No clinician held a case in the period.")
		return
	}
	rows := make([][]string, len(cs))
	open := make([]chart.Count, len(cs))
	for i, c := range cs {
		rows[i] = []string{c.Name, strconv.Itoa(c.OpenAtEnd), strconv.Itoa(c.Accepted), strconv.Itoa(c.Discharged)}
		open[i] = chart.Count{Label: c.Name, Value: float64(c.OpenAtEnd)}
	}
	p.pair(p.table([]string{"Clinician", "Open at the end", "Accepted", "Discharged"}, rows), func(w int) string {
		return chart.Bars(open, 0, min(w, barsMost))
	})
	p.note("Bars: cases open at the period's end.")
}

// signed is a change written with its sign, "+2.5" or "-4", or "-" when there was
// nothing to measure.
func signed(v *float64) string {
	if v != nil && *v > 0 {
		return "+" + chart.Number(*v)
	}
	return figure(v)
}
