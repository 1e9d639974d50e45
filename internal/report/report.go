package report

import "caseload/internal/ident"

// Report is every figure for one period. Its JSON is the headless contract of
// `caseload report --format json` (docs/RULES.md, "Reports"): fields are added, never
// renamed. Counts are ints; a figure with nothing to measure (a percentage of nobody, a
// median of no values) is null in JSON (nil here), never a misleading 0.
type Report struct {
	Period             Period             `json:"period"`
	Referrals          Referrals          `json:"referrals"`
	Screening          Screening          `json:"screening"`
	Decisions          Decisions          `json:"decisions"`
	DaysToConsultation Spread             `json:"days_to_consultation"`
	CaseloadByMonth    []MonthCaseload    `json:"caseload_by_month"`
	Releases           Releases           `json:"releases"`
	Recalls            Events             `json:"recalls"`
	Discharges         Discharges         `json:"discharges"`
	Outcomes           Outcomes           `json:"outcomes"`
	ByClinician        []ClinicianFigures `json:"by_clinician"`
}

// Period is the days reported on, both included, as London calendar days.
type Period struct {
	From ident.Date `json:"from"`
	To   ident.Date `json:"to"`
}

// Tally is one row of a breakdown: a code as stored (key), its words (label), a count.
type Tally struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// MonthCount is a count in one London calendar month, YYYY-MM.
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}

// Referrals are the referrals received in the period (by the London day of
// received_at), by source and by priority group.
type Referrals struct {
	Received        int          `json:"received"`
	BySource        []Tally      `json:"by_source"`
	ByPriorityGroup []Tally      `json:"by_priority_group"`
	ByMonth         []MonthCount `json:"by_month"`
}

// Screening is the 48-hour measure over the screenings decided in the period, by the
// London day the decision was made (docs/RULES.md, "Reports").
type Screening struct {
	Screened         int              `json:"screened"`
	Within48h        int              `json:"within_48h"`
	PercentWithin48h *float64         `json:"percent_within_48h"`
	MedianHours      *float64         `json:"median_hours"`
	ByMonth          []ScreeningMonth `json:"by_month"`
}

// ScreeningMonth is the 48-hour measure for the screenings decided in one month.
type ScreeningMonth struct {
	Month            string   `json:"month"`
	Screened         int      `json:"screened"`
	Within48h        int      `json:"within_48h"`
	PercentWithin48h *float64 `json:"percent_within_48h"`
	MedianHours      *float64 `json:"median_hours"`
}

// Decisions are the decisions made in the period: screenings by when decided, the
// deciding consultation (accepted or not) by its meeting date, withdrawals by when
// withdrawn. ScreenedOutReasons counts each screened-out referral once, under the
// first criterion its checklist failed, or "judgement" when none failed.
type Decisions struct {
	ScreenedIn         int     `json:"screened_in"`
	ScreenedOut        int     `json:"screened_out"`
	ScreenedOutReasons []Tally `json:"screened_out_reasons"`
	Accepted           int     `json:"accepted"`
	NotAccepted        int     `json:"not_accepted"`
	Withdrawn          int     `json:"withdrawn"`
}

// Spread is a distribution of whole days: how many, the median and the 90th centile
// (nearest rank), nil when there are none.
type Spread struct {
	Count  int      `json:"count"`
	Median *float64 `json:"median"`
	P90    *float64 `json:"p90"`
}

// MonthCaseload is the cases open at the end of one month (its last day, or the
// period's last day in the last month) by the phase of the pathway on that day.
type MonthCaseload struct {
	Month   string     `json:"month"`
	EndOn   ident.Date `json:"end_on"`
	Open    int        `json:"open"`
	ByPhase []Tally    `json:"by_phase"`
}

// Events is a count of things that happened in the period, month by month.
type Events struct {
	Count   int          `json:"count"`
	ByMonth []MonthCount `json:"by_month"`
}

// Releases are releases from custody in the period: first releases (the actual
// release date) and re-releases after a recall, counted apart and together.
type Releases struct {
	Count       int          `json:"count"`
	First       int          `json:"first"`
	AfterRecall int          `json:"after_recall"`
	ByMonth     []MonthCount `json:"by_month"`
}

// Discharges are the cases closed in the period by a signed discharge summary (by its
// closed_on) and not since reopened, by reason.
type Discharges struct {
	Count    int     `json:"count"`
	ByReason []Tally `json:"by_reason"`
}

// Outcomes are the measures' change and the transition's outcomes.
type Outcomes struct {
	Measures            []MeasureOutcome `json:"measures"`
	GPRegisteredRelease GPRegistration   `json:"gp_registered_by_release"`
}

// MeasureOutcome is, for one measure, the people with a baseline and a later score in
// the period, their mean change (later minus baseline, in the measure's own points) and
// how many changed reliably for the better or the worse (the measure's reliable change
// and direction of improvement).
type MeasureOutcome struct {
	Measure          string   `json:"measure"`
	Name             string   `json:"name"`
	People           int      `json:"people"`
	MeanChange       *float64 `json:"mean_change"`
	ReliablyImproved int      `json:"reliably_improved"`
	ReliablyWorse    int      `json:"reliably_worse"`
	PercentImproved  *float64 `json:"percent_improved"`
	PercentWorse     *float64 `json:"percent_worse"`
}

// GPRegistration is, of the people released in the period, how many had the answer
// recorded and how many were registered with a GP by the day of release.
type GPRegistration struct {
	Released    int      `json:"released"`
	Recorded    int      `json:"recorded"`
	Registered  int      `json:"registered"`
	Percent     *float64 `json:"percent"` // of those recorded
	NotRecorded int      `json:"not_recorded"`
}

// ClinicianFigures are one clinician's share, for a lead's report.
type ClinicianFigures struct {
	ClinicianID int64  `json:"clinician_id"`
	Name        string `json:"name"`
	OpenAtEnd   int    `json:"open_at_end"`
	Accepted    int    `json:"accepted"`
	Discharged  int    `json:"discharged"`
}
