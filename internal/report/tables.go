package report

import (
	"strconv"
)

// SmallCount is the largest count an export leaving the team shows as it is not: any
// count below 5 is shown as "<5" (docs/RULES.md, "Reports": small numbers).
const SmallCount = 5

// Suppressed is how a small count reads in an export with suppression.
const Suppressed = "<5"

// Shown is a count as an export writes it: "<5" for a count below 5 when suppress is
// on (zero included: "none of them" is as telling as "one"), else the number.
func Shown(n int, suppress bool) string {
	if suppress && n < SmallCount {
		return Suppressed
	}
	return strconv.Itoa(n)
}

// ShownFigure is a percentage, median or mean as an export writes it: "" when there is
// nothing to measure, and "-" when suppress is on and it was worked out from fewer than
// 5 (so that 1 of 2 cannot be read back from 50%).
func ShownFigure(f *float64, base int, suppress bool) string {
	switch {
	case f == nil:
		return ""
	case suppress && base < SmallCount:
		return "-"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// Table is one of a report's tables as CSV and the text report write it: Name is its
// file's name without .csv, Title its heading, Numeric the columns that hold the
// report's own numbers and dates (csvfile.Writer writes those as they are).
type Table struct {
	Name, Title string
	Columns     []string
	Numeric     []string
	Rows        [][]string
}

// Tables are the report's tables in the order they are read, each count through Shown
// and each figure through ShownFigure with suppress (docs/RULES.md, "Reports").
// Columns are a contract like JSON's fields: only ever appended.
func Tables(r Report, suppress bool) []Table {
	n := func(v int) string { return Shown(v, suppress) }
	f := func(v *float64, base int) string { return ShownFigure(v, base, suppress) }
	tally := func(name, title, key string, ts []Tally) Table {
		t := Table{Name: name, Title: title, Columns: []string{key, "label", "count"}, Numeric: []string{"count"}}
		for _, x := range ts {
			t.Rows = append(t.Rows, []string{x.Key, x.Label, n(x.Count)})
		}
		return t
	}
	months := func(name, title string, ms []MonthCount) Table {
		t := Table{Name: name, Title: title, Columns: []string{"month", "count"}, Numeric: []string{"month", "count"}}
		for _, m := range ms {
			t.Rows = append(t.Rows, []string{m.Month, n(m.Count)})
		}
		return t
	}
	p := r.Period
	out := []Table{{Name: "summary", Title: "Summary of " + p.From.String() + " to " + p.To.String(),
		Columns: []string{"figure", "value"}, Numeric: []string{"value"}, Rows: [][]string{
			{"period_from", p.From.String()}, {"period_to", p.To.String()},
			{"referrals_received", n(r.Referrals.Received)},
			{"screened", n(r.Screening.Screened)}, {"screened_within_48h", n(r.Screening.Within48h)},
			{"percent_within_48h", f(r.Screening.PercentWithin48h, r.Screening.Screened)},
			{"median_hours_to_screening", f(r.Screening.MedianHours, r.Screening.Screened)},
			{"screened_in", n(r.Decisions.ScreenedIn)}, {"screened_out", n(r.Decisions.ScreenedOut)},
			{"accepted", n(r.Decisions.Accepted)}, {"not_accepted", n(r.Decisions.NotAccepted)},
			{"withdrawn", n(r.Decisions.Withdrawn)},
			{"consultation_decisions", n(r.DaysToConsultation.Count)},
			{"median_days_to_consultation", f(r.DaysToConsultation.Median, r.DaysToConsultation.Count)},
			{"p90_days_to_consultation", f(r.DaysToConsultation.P90, r.DaysToConsultation.Count)},
			{"releases", n(r.Releases.Count)}, {"first_releases", n(r.Releases.First)},
			{"releases_after_recall", n(r.Releases.AfterRecall)},
			{"recalls", n(r.Recalls.Count)}, {"discharges", n(r.Discharges.Count)},
			{"released_gp_recorded", n(r.Outcomes.GPRegisteredRelease.Recorded)},
			{"released_gp_registered", n(r.Outcomes.GPRegisteredRelease.Registered)},
			{"percent_gp_registered_by_release", f(r.Outcomes.GPRegisteredRelease.Percent, r.Outcomes.GPRegisteredRelease.Recorded)},
		}},
		tally("referrals_by_source", "Referrals received by source", "source", r.Referrals.BySource),
		tally("referrals_by_priority_group", "Referrals received by priority group", "priority_group", r.Referrals.ByPriorityGroup),
		months("referrals_by_month", "Referrals received by month", r.Referrals.ByMonth),
	}
	sm := Table{Name: "screening_by_month", Title: "Screening within 48 hours by month decided",
		Columns: []string{"month", "screened", "within_48h", "percent_within_48h", "median_hours"},
		Numeric: []string{"month", "screened", "within_48h", "percent_within_48h", "median_hours"}}
	for _, m := range r.Screening.ByMonth {
		sm.Rows = append(sm.Rows, []string{m.Month, n(m.Screened), n(m.Within48h),
			f(m.PercentWithin48h, m.Screened), f(m.MedianHours, m.Screened)})
	}
	out = append(out, sm,
		tally("screened_out_reasons", "Screened out, by the first criterion failed", "reason", r.Decisions.ScreenedOutReasons))
	cm := Table{Name: "caseload_by_month", Title: "Open cases at the end of each month by phase",
		Columns: []string{"month", "end_on", "open"}, Numeric: []string{"month", "end_on", "open"}}
	for _, ph := range phases {
		cm.Columns = append(cm.Columns, string(ph.phase))
		cm.Numeric = append(cm.Numeric, string(ph.phase))
	}
	for _, m := range r.CaseloadByMonth {
		row := []string{m.Month, m.EndOn.String(), n(m.Open)}
		for _, x := range m.ByPhase[:min(len(m.ByPhase), len(phases))] {
			row = append(row, n(x.Count))
		}
		cm.Rows = append(cm.Rows, row)
	}
	out = append(out, cm,
		months("releases_by_month", "Releases from custody by month", r.Releases.ByMonth),
		months("recalls_by_month", "Recalls to custody by month", r.Recalls.ByMonth),
		tally("discharges_by_reason", "Discharges by reason", "reason", r.Discharges.ByReason))
	mo := Table{Name: "outcomes_by_measure", Title: "Change on each measure (baseline to the latest score in the period)",
		Columns: []string{"measure", "name", "people", "mean_change", "reliably_improved", "reliably_worse",
			"percent_improved", "percent_worse"},
		Numeric: []string{"people", "mean_change", "reliably_improved", "reliably_worse", "percent_improved", "percent_worse"}}
	for _, m := range r.Outcomes.Measures {
		mo.Rows = append(mo.Rows, []string{m.Measure, m.Name, n(m.People), f(m.MeanChange, m.People),
			n(m.ReliablyImproved), n(m.ReliablyWorse), f(m.PercentImproved, m.People), f(m.PercentWorse, m.People)})
	}
	return append(out, mo)
}
