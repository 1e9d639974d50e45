package reports

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/component/chart"
	"caseload/tui/spoken"
)

var _ common.Speaker = (*Model)(nil)

// Speech is the report in the accessible mode (common.Speaker): the period; then the
// section at the top of the scroll, which of how many, its figures as sentences (a
// table's row as "Jan 26: Referrals 5.", a bar as "Recalled: 2."), the charts left out
// since their figures are said; then the keys. Scrolling says the next section as it
// reaches the top.
func (m *Model) Speech() []string {
	head := "Reports for " + m.period.words(m.today)
	if m.loading {
		head += ", working the figures out"
	}
	out := []string{spoken.Sentence(head)}
	switch {
	case m.failed && !m.loaded:
		return append(out, "The figures could not be read: the status line says why.")
	case !m.loaded:
		return append(out, "Reading the figures.")
	}
	said := lay(&page{t: m.com.Theme, width: 1 << 16, speak: true}, m.report, m.com.Me.Leads())
	at := m.section()
	if len(said.starts) != len(m.starts) || at >= len(said.starts) {
		return out // not drawn yet: no window
	}
	end := len(said.lines)
	if at+1 < len(said.starts) {
		end = said.starts[at+1]
	}
	for i, l := range said.lines[said.starts[at]:end] {
		if l = spoken.Sentence(l); l == "" {
			continue
		}
		if i == 0 {
			l = fmt.Sprintf("Section %d of %d: %s", at+1, len(said.starts), l)
		}
		out = append(out, l)
	}
	return append(out, "Keys: page down and page up move a section at a time, down and up a line; left and right brackets an earlier or later period; m this month, 3 the last 3 months, y the last 12 months, a since the first referral; escape back.")
}

// section is the section said: the one page down or up last moved to while the
// scroll stays there; else the one at the top of the screen or, scrolled to the foot,
// the last whose heading shows.
func (m *Model) section() int {
	bottom := max(len(m.lines)-m.bodyHeight(), 0)
	if m.part < len(m.starts) && m.offset == min(m.starts[m.part], bottom) {
		return m.part
	}
	at := 0
	for i, s := range m.starts {
		if s <= m.offset || bottom > 0 && m.offset == bottom {
			at = i
		}
	}
	return at
}

// turn moves to the next or the previous section (page down, page up), its heading at
// the top of the screen as far as the report goes.
func (m *Model) turn(msg tea.KeyPressMsg) bool {
	if len(m.starts) == 0 {
		return true
	}
	step := 1
	if key.Matches(msg, m.keys.PageUp) {
		step = -1
	}
	m.part = min(max(m.section()+step, 0), len(m.starts)-1)
	m.offset = m.starts[m.part]
	m.clamp()
	return true
}

// table is a table drawn at the page's width or, spoken, its rows as sentences: the
// first cell, then each other column's heading and figure.
func (p *page) table(head []string, rows [][]string) []string {
	if !p.speak {
		return table(head, rows, p.width)
	}
	var out []string
	for _, r := range rows {
		var cells []string
		for i := 1; i < len(r) && i < len(head); i++ {
			cells = append(cells, strings.ReplaceAll(head[i], "%", "per cent")+" "+spokenFigure(r[i]))
		}
		out = append(out, r[0]+": "+strings.Join(cells, ", ")+".")
	}
	return out
}

// sayCounts is a bar chart's counts said: "Recalled: 2.".
func (p *page) sayCounts(cs []chart.Count) {
	for _, c := range cs {
		text := c.Text
		if text == "" {
			text = chart.Number(c.Value)
		}
		p.lines = append(p.lines, c.Label+": "+spokenFigure(text)+".")
	}
}

// spokenFigure is a figure as said: "-", nothing to measure, in words.
func spokenFigure(s string) string {
	if s == "-" {
		return "none measured"
	}
	return strings.ReplaceAll(s, "(-)", "(none measured)")
}

// aboutTheDrawing is a note with what it says of the charts ("Columns: …", "Bars: …")
// left off: speech has no charts.
func aboutTheDrawing(s string) string {
	for _, cut := range []string{"Columns:", "Bars:"} {
		if i := strings.Index(s, cut); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}
