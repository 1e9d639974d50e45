package reports

import (
	"fmt"
	"strconv"

	"caseload/internal/report"
	"caseload/tui/component/chart"
)

// glance is the period's headline figures in one sentence, for a reader who reads no
// further.
func (p *page) glance(r report.Report) {
	p.heading("At a glance")
	open := ""
	if n := len(r.CaseloadByMonth); n > 0 {
		open = fmt.Sprintf(" Open on %s: %d.", r.CaseloadByMonth[n-1].EndOn.Medium(), r.CaseloadByMonth[n-1].Open)
	}
	p.say(fmt.Sprintf("Referrals received: %d. Screened: %d, %s within 48 hours. Accepted: %d.%s Released: %d. Recalled: %d. Discharged: %d.",
		r.Referrals.Received, r.Screening.Screened, percent(r.Screening.PercentWithin48h), r.Decisions.Accepted,
		open, r.Releases.Count, r.Recalls.Count, r.Discharges.Count))
}

// referrals: received, by source, by priority group, by month.
func (p *page) referrals(r report.Referrals) {
	p.heading(fmt.Sprintf("Referrals received: %d", r.Received))
	p.sub("By source")
	p.bars(tallies(r.BySource, r.Received), 0)
	p.sub("By priority group")
	p.bars(tallies(r.ByPriorityGroup, r.Received), 0)
	p.sub("By month received")
	p.monthCounts(r.ByMonth, "Referrals")
}

// monthCounts is a count by month as a table and a month-by-month chart.
func (p *page) monthCounts(ms []report.MonthCount, what string) {
	rows := make([][]string, len(ms))
	months := make([]chart.Month, len(ms))
	for i, m := range ms {
		rows[i] = []string{monthName(m.Month), strconv.Itoa(m.Count)}
		months[i] = chart.Month{Label: monthName(m.Month), Value: float64(m.Count)}
	}
	p.pair(p.table([]string{"Month", what}, rows), func(w int) string {
		return chart.Months(months, chart.Scale{}, w, chartRows)
	})
}

// decisions: screened in and out, the reasons out, accepted, not, withdrawn.
func (p *page) decisions(d report.Decisions) {
	p.heading("Decisions")
	p.bars([]chart.Count{
		{Label: "Screened in", Value: float64(d.ScreenedIn)},
		{Label: "Screened out", Value: float64(d.ScreenedOut)},
		{Label: "Accepted at consultation", Value: float64(d.Accepted)},
		{Label: "Not accepted at consultation", Value: float64(d.NotAccepted)},
		{Label: "Withdrawn", Value: float64(d.Withdrawn)},
	}, 0)
	p.sub("Screened out, by the first criterion not met")
	var out []report.Tally
	for _, t := range d.ScreenedOutReasons {
		if t.Count > 0 {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		p.note("Nobody was screened out in the period.")
		return
	}
	p.bars(tallies(out, d.ScreenedOut), 0)
}

// screening: the 48-hour measure, over the period and by month.
func (p *page) screening(s report.Screening) {
	p.heading("Screening within 48 hours")
	if s.Screened == 0 {
		p.note("No referral was screened in the period.")
	} else {
		p.say(fmt.Sprintf("Screened: %d. Within 48 hours: %d (%s). Median: %s hours from receipt to decision.",
			s.Screened, s.Within48h, percent(s.PercentWithin48h), figure(s.MedianHours)))
		p.bars([]chart.Count{{Label: "Within 48 hours", Value: value(s.PercentWithin48h), Text: percent(s.PercentWithin48h)}}, 100)
	}
	p.sub("By month decided")
	rows := make([][]string, len(s.ByMonth))
	months := make([]chart.Month, len(s.ByMonth))
	for i, m := range s.ByMonth {
		rows[i] = []string{monthName(m.Month), strconv.Itoa(m.Screened), strconv.Itoa(m.Within48h), percent(m.PercentWithin48h), figure(m.MedianHours)}
		months[i] = chart.Month{Label: monthName(m.Month), Value: value(m.PercentWithin48h), Text: percent(m.PercentWithin48h), None: m.PercentWithin48h == nil}
	}
	p.pair(p.table([]string{"Month", "Screened", "Within 48h", "%", "Median hours"}, rows), func(w int) string {
		return chart.Months(months, chart.Scale{Top: 100, Unit: "%"}, w, chartRows)
	})
	p.note(fmt.Sprintf("Columns: the share screened within 48 hours each month; %c a month with nothing screened.", chart.NoData))
}

// consultation: days from referral to the consultation's decision.
func (p *page) consultation(s report.Spread) {
	p.heading("Days from referral to consultation decision")
	if s.Count == 0 {
		p.note("No consultation decided on a referral in the period.")
		return
	}
	p.say(fmt.Sprintf("Decided: %d. Median: %s days. 90th centile: %s days.", s.Count, figure(s.Median), figure(s.P90)))
	p.bars([]chart.Count{
		{Label: "Median", Value: value(s.Median), Text: figure(s.Median) + " days"},
		{Label: "90th centile", Value: value(s.P90), Text: figure(s.P90) + " days"},
	}, 0)
}

// value is a figure to draw, 0 when there was nothing to measure.
func value(v *float64) float64 {
	if v == nil {
		return 0
	}
	return *v
}
