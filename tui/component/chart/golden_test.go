package chart

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// sources are referrals by source as the Reports screen shows them, with a label in
// right-to-left script and one with an emoji, which must keep the columns.
var sources = []Count{
	{Label: "Offender manager (probation)", Value: 41},
	{Label: "Prison mental health in-reach", Value: 23},
	{Label: "Self", Value: 3},
	{Label: "None yet", Value: 0},
	{Label: "فريق السجن", Value: 7},
	{Label: "Team 🚀 north", Value: 12},
}

// screening is twelve months of the share screened within 48 hours, one month with
// nothing screened.
func screening() []Month {
	vals := []float64{100, 92, 75, 80, 0, 66.7, 100, 88, 90, 95, 70, 85}
	names := []string{"Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26", "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26", "Nov 26", "Dec 26"}
	ms := make([]Month, len(vals))
	for i, v := range vals {
		ms[i] = Month{Label: names[i], Value: v, Text: Number(v) + "%"}
	}
	ms[4] = Month{Label: "May 26", None: true}
	return ms
}

// core10 is one person's CORE-10 from acceptance to discharge: worse, then reliably
// better.
var core10 = []Score{
	{Label: "accepted", Value: 24},
	{Label: "release", Value: 26},
	{Label: "6 months", Value: 15, Mark: Better},
	{Label: "discharge", Value: 9, Mark: Better},
}

var core10Range = Range{Min: 0, Max: 40, Cut: 11, HasCut: true}

// TestGoldenCharts draws each chart at 80, 40 and 20 columns, as the Reports screen and
// the Outcomes tab do at their widths.
func TestGoldenCharts(t *testing.T) {
	for _, w := range []int{80, 40, 20} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			var b strings.Builder
			section := func(name, chart string) {
				fmt.Fprintf(&b, "%s\n%s\n\n", name, chart)
			}
			section("bars", Bars(sources, 0, w))
			section("bars to 100", Bars([]Count{{Label: "within 48h", Value: 87.5, Text: "87.5%"}}, 100, w))
			section("months", Months(screening(), Scale{Top: 100, Unit: "%"}, w, 5))
			section("months of counts", Months([]Month{{Label: "Oct 26", Value: 3}, {Label: "Nov 26", Value: 14}, {Label: "Dec 26", Value: 0}}, Scale{}, w, 3))
			section("scores", Scores(core10, core10Range, w, 6))
			section("sparkline", Sparkline([]float64{24, 26, 15, 9}, 0, 40))
			golden.RequireEqual(t, b.String())
		})
	}
}
