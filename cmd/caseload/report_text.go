package main

import (
	"fmt"
	"io"
	"strings"

	"caseload/internal/report"
)

// barWidth is the longest bar drawn: with a 38-character label and a six-figure count it keeps
// every line within 80 columns.
const barWidth = 30

// textReport writes a report as text, keeping the first error.
type textReport struct {
	w        io.Writer
	suppress bool
	err      error
}

func (t *textReport) line(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintln(t.w, strings.TrimRight(fmt.Sprintf(format, args...), " "))
	}
}

// n is a count as shown: "<5" for a small one when suppressed.
func (t *textReport) n(v int) string { return report.Shown(v, t.suppress) }

// figure is a percentage, median or mean worked out from base: "none" when there is
// nothing to measure, "-" when base is small and suppressed (report.SuppressedFigure,
// shortened to fit the columns).
func (t *textReport) figure(f *float64, base int, unit string) string {
	s := report.ShownFigure(f, base, t.suppress)
	switch s {
	case "":
		return "none"
	case report.SuppressedFigure:
		return "-"
	}
	return s + unit
}

// bar is v's share of most as a row of blocks, at least one for anything above zero,
// readable without colour; none for a count suppressed (its length would say it).
func (t *textReport) bar(v, most int) string {
	if most <= 0 || v <= 0 || t.suppress && v < report.SmallCount {
		return ""
	}
	return strings.Repeat("█", max(1, (v*barWidth+most/2)/most))
}

// tallies writes a breakdown: each row's label, count and bar.
func (t *textReport) tallies(title string, ts []report.Tally) {
	t.line("  %s", title)
	most := 0
	for _, x := range ts {
		most = max(most, x.Count)
	}
	for _, x := range ts {
		t.line("    %-38s %6s %s", clip(x.Label, 38), t.n(x.Count), t.bar(x.Count, most))
	}
}

// months writes a count month by month with bars.
func (t *textReport) months(title string, ms []report.MonthCount) {
	t.line("  %s", title)
	most := 0
	for _, m := range ms {
		most = max(most, m.Count)
	}
	for _, m := range ms {
		t.line("    %-8s %6s %s", m.Month, t.n(m.Count), t.bar(m.Count, most))
	}
}

// clip cuts s to width characters, ending with … when cut.
func clip(s string, width int) string {
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:width-1]) + "…"
}

// reportText writes the report for reading in a terminal of 80 columns.
func reportText(w io.Writer, r report.Report, o reportOptions) error {
	t := &textReport{w: w, suppress: o.suppress}
	t.line("Report for %s to %s (London days)", r.Period.From.Medium(), r.Period.To.Medium())
	if t.suppress {
		t.line("Counts below 5 are shown as <5, and figures worked out from them as -.")
	}
	t.line("")
	t.line("Referrals received: %s", t.n(r.Referrals.Received))
	t.tallies("by source", r.Referrals.BySource)
	t.tallies("by priority group", r.Referrals.ByPriorityGroup)
	t.months("by month received", r.Referrals.ByMonth)
	t.line("")
	s := r.Screening
	t.line("Screening within 48 hours of receipt")
	t.line("  (elapsed hours from receipt to when the decision was made, by month decided)")
	t.line("  screened %s, within 48 hours %s (%s), median %s", t.n(s.Screened), t.n(s.Within48h),
		t.figure(s.PercentWithin48h, s.Screened, "%"), t.figure(s.MedianHours, s.Screened, " hours"))
	t.line("    %-8s %8s %7s %8s %9s", "month", "screened", "within", "percent", "median h")
	for _, m := range s.ByMonth {
		pct := t.figure(m.PercentWithin48h, m.Screened, "%")
		t.line("    %-8s %8s %7s %8s %9s %s", m.Month, t.n(m.Screened), t.n(m.Within48h), pct,
			t.figure(m.MedianHours, m.Screened, ""), t.percentBar(m.PercentWithin48h, m.Screened))
	}
	t.line("")
	d := r.Decisions
	t.line("Decisions made: screened in %s, screened out %s", t.n(d.ScreenedIn), t.n(d.ScreenedOut))
	t.line("  accepted %s, not accepted %s, withdrawn %s", t.n(d.Accepted), t.n(d.NotAccepted), t.n(d.Withdrawn))
	t.tallies("screened out, by the first criterion failed", d.ScreenedOutReasons)
	c := r.DaysToConsultation
	t.line("Days from referral to the consultation's decision")
	t.line("  %s decided, median %s, 90th centile %s", t.n(c.Count), t.figure(c.Median, c.Count, " days"),
		t.figure(c.P90, c.Count, " days"))
	t.line("")
	t.caseload(r.CaseloadByMonth)
	t.line("")
	t.line("Releases: %s (%s first, %s after a recall); recalls: %s", t.n(r.Releases.Count), t.n(r.Releases.First),
		t.n(r.Releases.AfterRecall), t.n(r.Recalls.Count))
	t.months("releases by month", r.Releases.ByMonth)
	t.months("recalls by month", r.Recalls.ByMonth)
	t.line("Discharges: %s", t.n(r.Discharges.Count))
	t.tallies("by reason", r.Discharges.ByReason)
	t.line("")
	t.outcomes(r.Outcomes)
	if len(r.ByClinician) > 0 && !t.suppress {
		t.line("")
		t.line("By clinician")
		t.line("  %-28s %15s %10s %12s", "", "open at the end", "accepted", "discharged")
		for _, b := range r.ByClinician {
			t.line("  %-28s %15d %10d %12d", clip(b.Name, 28), b.OpenAtEnd, b.Accepted, b.Discharged)
		}
	}
	return t.err
}

// percentWidth is the bar of 100%, beside the screening's columns.
const percentWidth = 20

// percentBar is a percentage as a bar, percentWidth long at 100%.
func (t *textReport) percentBar(p *float64, base int) string {
	if p == nil || t.suppress && base < report.SmallCount {
		return ""
	}
	return strings.Repeat("█", int(*p*percentWidth/100+0.5))
}

// caseload writes the open cases month by month, then the last month's by phase.
func (t *textReport) caseload(ms []report.MonthCaseload) {
	t.line("Open cases at the end of each month")
	most := 0
	for _, m := range ms {
		most = max(most, m.Open)
	}
	for _, m := range ms {
		t.line("    %-8s %-10s %6s %s", m.Month, m.EndOn.String(), t.n(m.Open), t.bar(m.Open, most))
	}
	if len(ms) > 0 {
		last := ms[len(ms)-1]
		t.tallies("by phase on "+last.EndOn.Medium(), last.ByPhase)
	}
}

// outcomes writes each measure's change and GP registration by release day.
func (t *textReport) outcomes(o report.Outcomes) {
	t.line("Outcomes: change from each baseline to the latest score in the period")
	t.line("    %-14s %6s %12s %18s %18s", "measure", "people", "mean change", "reliably better", "reliably worse")
	for _, m := range o.Measures {
		t.line("    %-14s %6s %12s %18s %18s", clip(m.Name, 14), t.n(m.People), t.figure(m.MeanChange, m.People, ""),
			t.n(m.ReliablyImproved)+" ("+t.figure(m.PercentImproved, m.People, "%")+")",
			t.n(m.ReliablyWorse)+" ("+t.figure(m.PercentWorse, m.People, "%")+")")
	}
	g := o.GPRegisteredRelease
	t.line("GP registered by release day: %s of %s recorded (%s)", t.n(g.Registered), t.n(g.Recorded),
		t.figure(g.Percent, g.Recorded, "%"))
	t.line("  of %s released in the period; not recorded for %s", t.n(g.Released), t.n(g.NotRecorded))
}
