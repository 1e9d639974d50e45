package reports

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"caseload/internal/report"
	"caseload/tui/common"
	"caseload/tui/component/chart"
)

// sideBySide is the least room a chart is given beside its table; narrower, the chart
// goes under the table.
const sideBySide = 50

// chartRows is how high the month-by-month charts are drawn.
const chartRows = 5

// page is the lines of a report drawn at one width, built once when the figures land
// or the window changes, so View only picks the lines on screen.
type page struct {
	t     *common.Theme
	width int
	lines []string
	// starts are the lines each section's heading is on; speak lays the page out as
	// sentences for the accessible mode (speech.go): no charts, each table row said.
	starts []int
	speak  bool
}

// body is every section of r as lines width cells wide: each figure as a table and a
// chart. The by-clinician part is only for a lead.
func body(r report.Report, lead bool, width int, t *common.Theme) []string {
	return lay(&page{t: t, width: max(width, 1)}, r, lead).lines
}

// lay puts every section of r on p.
func lay(p *page, r report.Report, lead bool) *page {
	p.glance(r)
	p.referrals(r.Referrals)
	p.decisions(r.Decisions)
	p.screening(r.Screening)
	p.consultation(r.DaysToConsultation)
	p.caseload(r.CaseloadByMonth)
	p.movements(r)
	p.outcomes(r.Outcomes)
	if lead {
		p.clinicians(r.ByClinician)
	}
	return p
}

// heading starts a section, with a blank line above every one but the first.
func (p *page) heading(s string) {
	if len(p.lines) > 0 {
		p.lines = append(p.lines, "")
	}
	p.starts = append(p.starts, len(p.lines))
	p.lines = append(p.lines, p.t.Section.Render(common.Clip(s, p.width)))
}

// sub names a part of a section.
func (p *page) sub(s string) { p.lines = append(p.lines, p.t.Header.Render(common.Clip(s, p.width))) }

// say adds words, wrapped to the width.
func (p *page) say(s string) { p.lines = append(p.lines, common.Wrap(s, p.width)...) }

// note adds muted words, wrapped to the width.
func (p *page) note(s string) {
	if p.speak {
		p.say(aboutTheDrawing(s))
		return
	}
	for _, l := range common.Wrap(s, p.width) {
		p.lines = append(p.lines, p.t.Muted.Render(l))
	}
}

// barsMost is the widest a bar chart is drawn: wider, bars of a few counts stretch
// across a wide window and are harder to compare with their numbers.
const barsMost = 100

// bars adds a bar chart of counts against top (the largest when 0).
func (p *page) bars(cs []chart.Count, top float64) {
	if p.speak {
		p.sayCounts(cs)
		return
	}
	p.draw(chart.Bars(cs, top, min(p.width, barsMost)))
}

// draw adds a chart's lines.
func (p *page) draw(c string) {
	if c != "" && !p.speak {
		p.lines = append(p.lines, strings.Split(c, "\n")...)
	}
}

// pair adds a table and a chart drawn at the width it is given: side by side when the
// chart has room beside the table, else the table then the chart.
func (p *page) pair(tab []string, draw func(width int) string) {
	if p.speak {
		p.lines = append(p.lines, tab...)
		return
	}
	tw := 0
	for _, l := range tab {
		tw = max(tw, lipgloss.Width(l))
	}
	if cw := p.width - tw - len(gap); cw >= sideBySide {
		c := strings.Split(draw(cw), "\n")
		for i := range max(len(tab), len(c)) {
			var l, r string
			if i < len(tab) {
				l = tab[i]
			}
			if i < len(c) {
				r = c[i]
			}
			p.lines = append(p.lines, strings.TrimRight(common.Fit(l, tw)+gap+r, " "))
		}
		return
	}
	p.lines = append(p.lines, tab...)
	p.lines = append(p.lines, "")
	p.draw(draw(p.width))
}

// tallies are the rows of a breakdown as counts for a bar chart, each written with
// its share of all when all is above zero.
func tallies(ts []report.Tally, all int) []chart.Count {
	out := make([]chart.Count, len(ts))
	for i, t := range ts {
		out[i] = chart.Count{Label: cmp.Or(t.Label, t.Key), Value: float64(t.Count), Text: share(t.Count, all)}
	}
	return out
}

// share is n written with its percentage of all: "41 (35%)".
func share(n, all int) string {
	if all <= 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%s)", n, chart.Number(math.Round(float64(n)*1000/float64(all))/10)+"%")
}

// percent is a percentage as written, or "-" when there was nothing to measure.
func percent(p *float64) string {
	if p == nil {
		return "-"
	}
	return chart.Number(*p) + "%"
}

// figure is a value as written, or "-" when there was nothing to measure.
func figure(v *float64) string {
	if v == nil {
		return "-"
	}
	return chart.Number(*v)
}

// monthName is a YYYY-MM month as the charts name it: "Jan 26".
func monthName(ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return t.Format("Jan 06")
}
