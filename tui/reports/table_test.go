package reports

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/report"
	"caseload/tui/common"
)

func TestTable(t *testing.T) {
	head := []string{"Clinician", "Open at the end", "Accepted"}
	rows := [][]string{{"Dr Niamh Ó Dálaigh", "3", "5"}, {"فريق 🚀", "12", "0"}}
	for _, tc := range []struct {
		name  string
		width int
		want  []string
	}{
		{"all fits, heading on two lines", 60, []string{
			"                    Open at",
			"Clinician           the end  Accepted",
			"Dr Niamh Ó Dálaigh        3         5",
			"فريق 🚀                  12         0",
		}},
		{"first column cut", 33, []string{
			"                Open at",
			"Clinician       the end  Accepted",
			"Dr Niamh Ó Dá…        3         5",
			"فريق 🚀              12         0",
		}},
		{"a column left off", 25, []string{
			"                  Open at",
			"Clinician         the end",
			"Dr Niamh Ó Dála…        3",
			"فريق 🚀                12",
			"(1 more column in a wide…",
		}},
	} {
		if got := table(head, rows, tc.width); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// odd is a report whose labels are in several scripts and long, with a month of
// nothing screened, so every part of the page is drawn.
func odd() report.Report {
	pct, hours := 87.5, 20.0
	return report.Report{
		Referrals: report.Referrals{Received: 12,
			BySource:        []report.Tally{{Key: "x", Label: "مراقب السلوك 🚀 with a very long name indeed for a source", Count: 7}, {Key: "y", Count: 5}},
			ByPriorityGroup: []report.Tally{{Key: "1", Label: "一组", Count: 12}},
			ByMonth:         []report.MonthCount{{Month: "2026-11", Count: 4}, {Month: "2026-12", Count: 8}}},
		Screening: report.Screening{Screened: 8, Within48h: 7, PercentWithin48h: &pct, MedianHours: &hours,
			ByMonth: []report.ScreeningMonth{{Month: "2026-11"}, {Month: "2026-12", Screened: 8, Within48h: 7, PercentWithin48h: &pct, MedianHours: &hours}}},
		Decisions:          report.Decisions{ScreenedOut: 2, ScreenedOutReasons: []report.Tally{{Key: "judgement", Label: "screener's judgement", Count: 2}}},
		DaysToConsultation: report.Spread{Count: 3, Median: &hours, P90: &pct},
		CaseloadByMonth:    []report.MonthCaseload{{Month: "2026-12", Open: 3, ByPhase: []report.Tally{{Key: "pre-release", Label: "pre-release", Count: 3}}}},
		Discharges:         report.Discharges{Count: 1, ByReason: []report.Tally{{Key: "died", Label: "died", Count: 1}}},
		Outcomes: report.Outcomes{Measures: []report.MeasureOutcome{{Measure: "core-10", Name: "CORE-10", People: 4, MeanChange: &hours, ReliablyImproved: 3, PercentImproved: &pct}},
			GPRegisteredRelease: report.GPRegistration{Released: 2, Recorded: 1, Registered: 1, Percent: &pct, NotRecorded: 1}},
		ByClinician: []report.ClinicianFigures{{Name: "Dr Niamh Ó Dálaigh 👩‍⚕️", OpenAtEnd: 3}},
	}
}

// The page is never wider than the window, at any width, in any script.
func TestBodyWidths(t *testing.T) {
	th := common.NewTheme(true)
	for w := 1; w <= 220; w++ {
		for i, l := range body(odd(), true, w, th) {
			if n := lipgloss.Width(l); n > w {
				t.Fatalf("at %d line %d is %d cells: %q", w, i+1, n, l)
			}
		}
	}
}

// The outcomes and the rest of a page with measures, in several scripts, at 80 columns:
// a measure with several people and a share reliably better, which the demo has not.
func TestGoldenPageWithMeasures(t *testing.T) {
	golden.RequireEqual(t, ansi.Strip(strings.Join(body(odd(), true, 80, common.NewTheme(true)), "\n")))
}
