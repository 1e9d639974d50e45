package report

import (
	"testing"

	"caseload/internal/domain"
)

// Open at the end of a day: opened on or before it (London day), not closed then; a
// closing counts from its closed_on, a reopening from its London day.
func TestOpenOn(t *testing.T) {
	c := Case{OpenedAt: at(t, "2026-09-30T23:30:00Z")} // 00:30 BST on 1 October
	closed := Case{OpenedAt: at(t, "2026-08-01T10:00:00Z"), Closings: []Closing{{On: day("2026-10-31"), Reason: domain.ClosedCompleted}}}
	reopened := Case{OpenedAt: at(t, "2026-08-01T10:00:00Z"),
		Closings: []Closing{{On: day("2026-09-10"), Reason: domain.ClosedDisengaged, Reopened: day("2026-10-05")}}}
	twice := Case{OpenedAt: at(t, "2026-08-01T10:00:00Z"), Closings: []Closing{
		{On: day("2026-09-10"), Reason: domain.ClosedDisengaged, Reopened: day("2026-10-05")},
		{On: day("2026-11-20"), Reason: domain.ClosedCompleted}}}
	tests := []struct {
		name string
		c    Case
		on   string
		open bool
	}{
		{"opened 1 Oct London, 30 Sep UTC: not open on 30 Sep", c, "2026-09-30", false},
		{"open on its London day", c, "2026-10-01", true},
		{"open the day before closing", closed, "2026-10-30", true},
		{"closed on the month's last day: not open at its end", closed, "2026-10-31", false},
		{"after the closing", closed, "2026-12-01", false},
		{"before closing", reopened, "2026-08-31", true},
		{"closed, not yet reopened", reopened, "2026-09-30", false},
		{"the day before reopening", reopened, "2026-10-04", false},
		{"reopened", reopened, "2026-10-05", true},
		{"reopened, open at October's end", twice, "2026-10-31", true},
		{"closed again", twice, "2026-11-30", false},
	}
	for _, tt := range tests {
		if got := OpenOn(tt.c, day(tt.on)); got != tt.open {
			t.Errorf("%s: OpenOn(%s) = %v, want %v", tt.name, tt.on, got, tt.open)
		}
	}
}

// The caseload at the end of September, October and November 2026 (to 20 November):
//
//	P released 1 Sep (post-release at both ends), recalled 10 Oct (recalled at the end
//	  of October and on 20 November).
//	U no release date (release-unknown), opened 1 Oct London (30 Sep 23:30Z): open at
//	  the end of October and November, not September.
//	C release expected CRD 10 Jan 2027, closed 31 Oct: pre-release at September's end
//	  (engagement from 10 Jul), not open at October's.
//
// September: 2 (P post-release, C pre-release); October: 2 (P recalled, U unknown);
// November (to the 20th): 2 (P recalled, U unknown).
func TestCaseloadByMonth(t *testing.T) {
	cs := []Case{
		{OpenedAt: at(t, "2026-07-01T10:00:00Z"), Release: domain.CaseRelease{Actual: day("2026-09-01"), RecalledOn: day("2026-10-10")}},
		{OpenedAt: at(t, "2026-09-30T23:30:00Z")},
		{OpenedAt: at(t, "2026-08-01T10:00:00Z"),
			Release:  domain.CaseRelease{Dates: domain.SentenceDates{{Date: day("2027-01-10"), Kind: domain.ReleaseCRD}}},
			Closings: []Closing{{On: day("2026-10-31"), Reason: domain.ClosedTransferred}}},
	}
	got := CaseloadByMonth(cs, day("2026-09-01"), day("2026-11-20"))
	type row struct {
		Month, End string
		Open       int
		Phases     map[string]int
	}
	var rows []row
	for _, m := range got {
		ph := map[string]int{}
		for _, p := range m.ByPhase {
			if p.Count > 0 {
				ph[p.Key] = p.Count
			}
		}
		if len(m.ByPhase) != len(phases) {
			t.Errorf("%s lists %d phases, want every one (%d)", m.Month, len(m.ByPhase), len(phases))
		}
		rows = append(rows, row{m.Month, m.EndOn.String(), m.Open, ph})
	}
	same(t, "caseload", rows, []row{
		{"2026-09", "2026-09-30", 2, map[string]int{"post-release": 1, "pre-release": 1}},
		{"2026-10", "2026-10-31", 2, map[string]int{"recalled": 1, "release-unknown": 1}},
		{"2026-11", "2026-11-20", 2, map[string]int{"recalled": 1, "release-unknown": 1}},
	})
}

// Releases, recalls and discharges dated in October 2026.
func TestReleasesRecallsDischarges(t *testing.T) {
	cs := []Case{
		{ID: 1, ClinicianID: 7, OpenedAt: at(t, "2026-10-02T10:00:00Z"),
			Release: domain.CaseRelease{Actual: day("2026-10-01"), RecalledOn: day("2026-10-10"), ReReleased: day("2026-10-30")}},
		{ID: 2, ClinicianID: 7, OpenedAt: at(t, "2026-06-01T10:00:00Z"),
			Release: domain.CaseRelease{Actual: day("2026-09-30"), RecalledOn: day("2026-11-01")},
			Closings: []Closing{{On: day("2026-10-15"), Reason: domain.ClosedDisengaged, Reopened: day("2026-10-20")},
				{On: day("2026-10-31"), Reason: domain.ClosedRecalled}}},
		{ID: 3, OpenedAt: at(t, "2026-06-01T10:00:00Z"),
			Release:  domain.CaseRelease{Actual: day("2026-10-31")},
			Closings: []Closing{{On: day("2026-10-01"), Reason: domain.ClosedCompleted}}},
	}
	from, to := day("2026-10-01"), day("2026-10-31")
	// Releases: case 1's first (1 Oct) and re-release (30 Oct), case 3's (31 Oct); case
	// 2's was 30 Sep. Recalls: case 1's; case 2's is in November.
	same(t, "releases", ReleaseFigures(cs, from, to),
		Releases{Count: 3, First: 2, AfterRecall: 1, ByMonth: []MonthCount{{"2026-10", 3}}})
	same(t, "recalls", RecallFigures(cs, from, to), Events{Count: 1, ByMonth: []MonthCount{{"2026-10", 1}}})
	// Discharges: case 2's recall closing (its disengaged closing was reopened) and case
	// 3's completion.
	d := DischargeFigures(cs, from, to)
	reasons := map[string]int{}
	for _, r := range d.ByReason {
		if r.Count > 0 {
			reasons[r.Key] = r.Count
		}
	}
	if d.Count != 2 || len(d.ByReason) != len(domain.ClosingReasons) {
		t.Errorf("discharges %+v, want 2 listing every reason", d)
	}
	same(t, "discharge reasons", reasons, map[string]int{"recalled": 1, "completed": 1})
	// By clinician: 7 holds case 1 open at the end (case 2 closed on the 31st), was
	// allocated case 1 in October and discharged case 2; case 3 is nobody's.
	same(t, "by clinician", ClinicianFiguresOf(Facts{Cases: cs, Clinicians: []Clinician{{7, "Ada Lovelace"}, {8, "Idle"}}}, from, to),
		[]ClinicianFigures{{7, "Ada Lovelace", 1, 1, 1}, {0, "not allocated", 0, 0, 1}})
}
