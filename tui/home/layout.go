package home

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// page is the screen's text laid out for its width: worked out when the agenda, the
// toggle or the size changes, so View only picks the lines on screen and styles them.
type page struct {
	summary  []string // one line, or two when even the brief counts do not fit
	body     []bodyLine
	itemLine []int // the body line of each shown item
	narrow   bool  // each item takes two lines: its text, then its clock words
}

type lineKind int

const (
	lineHeading lineKind = iota
	lineItem
	lineWhen // an item's clock words on a line of their own, on a narrow screen
	lineNote
)

// bodyLine is one line below the summary. An item's parts are kept apart so View can
// put the cursor before it and mark its clock words.
type bodyLine struct {
	kind   lineKind
	item   int    // lineItem: index into shown
	lead   string // the marks: "• " for yours, "⚠ " for overdue, or spaces
	text   string // fitted to its column
	when   string // "" when the screen is too narrow for a column of its own
	urgent bool
}

// leadWidth is the cursor, the mine mark and the overdue mark, two cells each.
const leadWidth = 6

// wideFrom is the room an item needs before its clock words get a column of their own.
const wideFrom = 40

// relayout lays out the summary and the lines for the width, then keeps the cursor on
// a line and that line on screen.
func (m *Model) relayout() {
	w := max(m.width, 0)
	p := page{summary: m.summaryLines(w)}
	note := func(s string) { p.body = append(p.body, bodyLine{kind: lineNote, text: common.Clip(s, w)}) }
	if !m.loaded {
		note("Loading what is due…")
		m.page = p
		return
	}
	textW, whenW := m.columns(w - leadWidth)
	p.narrow = textW == 0
	var empty []string
	next := 0 // shown items are in section order
	for _, s := range m.agenda.Sections() {
		start := next
		for next < len(m.shown) && m.agenda.Items[m.shown[next]].Section == s {
			next++
		}
		if next == start {
			if s.Nothing() != "" {
				empty = append(empty, s.Nothing())
			}
			continue
		}
		p.body = append(p.body, bodyLine{kind: lineHeading, text: common.Clip(fmt.Sprintf("%s (%d)", s.Heading(), m.counts[s].n), w)})
		for i := start; i < next; i++ {
			it := m.agenda.Items[m.shown[i]]
			p.itemLine = append(p.itemLine, len(p.body))
			p.body = append(p.body, itemLine(it, i, w-leadWidth, textW, whenW))
			if p.narrow {
				p.body = append(p.body, bodyLine{kind: lineWhen, item: i, urgent: it.Urgent,
					when: common.Clip(it.When, w-leadWidth)})
			}
		}
		if h := m.counts[s].hidden; h > 0 {
			note(fmt.Sprintf("      and %d more: r opens the referral queue", h))
		}
	}
	switch {
	case len(m.shown) == 0 && m.mine:
		note("Nothing is due on your cases or drafts. Press m to show the team's.")
	case len(m.shown) == 0:
		note("Nothing is due.")
	default:
		if len(empty) > 0 {
			note("Nothing else due: " + strings.Join(empty, ", ") + ".")
		}
		if m.counts[domain.AgendaSafety].n > 0 {
			note("• your case or draft · ⚠ overdue or failed")
		} else {
			note("• your case or draft · ⚠ overdue")
		}
	}
	m.page = p
	m.cursor = min(max(m.cursor, 0), max(len(m.shown)-1, 0))
	m.scrollToCursor()
}

// columns shares room between the items' text and their clock words: the text gets up
// to two fifths, the words what they need, and the text takes back what is left over.
// Both are 0 when the words must go on a line of their own on a narrow screen.
func (m *Model) columns(room int) (textW, whenW int) {
	if room < wideFrom {
		return 0, 0
	}
	maxText, maxWhen := 0, 0
	for _, ri := range m.shown {
		it := m.agenda.Items[ri]
		maxText, maxWhen = max(maxText, ansi.StringWidth(it.Text)), max(maxWhen, ansi.StringWidth(it.When))
	}
	textW = min(maxText, max(room*2/5, 16))
	whenW = min(maxWhen, room-textW-2)
	textW = min(maxText, room-whenW-2)
	return textW, whenW
}

func itemLine(it domain.AgendaItem, shownAt, room, textW, whenW int) bodyLine {
	l := bodyLine{kind: lineItem, item: shownAt, lead: "  " + "  ", urgent: it.Urgent}
	if it.Mine {
		l.lead = "• " + l.lead[2:]
	}
	if it.Urgent {
		l.lead = l.lead[:len(l.lead)-2] + "⚠ "
	}
	if textW == 0 {
		l.text = common.Clip(it.Text, room)
		return l
	}
	l.text, l.when = common.Fit(it.Text, textW), common.Clip(it.When, whenW)
	return l
}

// summaryText counts each section's lines: "3 to screen (1 overdue) · 1 consultation",
// in brief when that is too wide for w.
func (m *Model) summaryText(w int) string {
	if !m.loaded {
		return "What is due today"
	}
	var full, brief []string
	for _, s := range m.agenda.Sections() {
		if c := m.counts[s]; c.n > 0 {
			full, brief = append(full, s.Count(c.n, c.urgent)), append(brief, s.Brief(c.n, c.urgent))
		}
	}
	who := ""
	if m.mine {
		who = "Yours only: "
	}
	if len(full) == 0 {
		return who + "nothing due"
	}
	if s := who + strings.Join(full, " · "); ansi.StringWidth(s) <= w {
		return s
	}
	return who + strings.Join(brief, " · ")
}

// summaryLines is the summary laid out for w: summaryText when it fits, else the brief
// counts over two lines, broken between counts, so a count is never cut off at 100
// columns with every section due; the second line is clipped only when even two
// lines are too few.
func (m *Model) summaryLines(w int) []string {
	text := m.summaryText(w)
	if ansi.StringWidth(text) <= w {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, part := range strings.Split(text, " · ") {
		switch {
		case line == "":
			line = part
		case ansi.StringWidth(line+" · "+part) <= w:
			line += " · " + part
		default:
			lines, line = append(lines, line), part
		}
	}
	lines = append(lines, line)
	if len(lines) > 2 {
		lines = []string{lines[0], strings.Join(lines[1:], " · ")}
	}
	for i, l := range lines {
		lines[i] = common.Clip(l, w)
	}
	return lines
}

// navigate moves the cursor over the items when msg is a movement key.
func (m *Model) navigate(msg tea.KeyPressMsg) bool {
	nav, n, page := m.keys.Nav, len(m.shown), list.PageSize(m.bodyHeight())
	switch {
	case key.Matches(msg, nav.Up):
		m.cursor--
	case key.Matches(msg, nav.Down):
		m.cursor++
	case key.Matches(msg, nav.PageUp):
		m.cursor -= page
	case key.Matches(msg, nav.PageDown):
		m.cursor += page
	case key.Matches(msg, nav.Top):
		m.cursor = 0
	case key.Matches(msg, nav.Bottom):
		m.cursor = n - 1
	default:
		return false
	}
	m.cursor = min(max(m.cursor, 0), max(n-1, 0))
	m.scrollToCursor()
	return true
}

// scrollToCursor keeps the cursor's line on screen, with its section's heading above it
// when it is the first of its section, and the closing lines below the last item.
func (m *Model) scrollToCursor() {
	h, body := m.bodyHeight(), len(m.page.body)
	if h > 0 && m.cursor < len(m.page.itemLine) {
		l := m.page.itemLine[m.cursor]
		top, last := l, l
		if l > 0 && m.page.body[l-1].kind == lineHeading {
			top = l - 1
		}
		if m.page.narrow {
			last++
		}
		m.offset = min(m.offset, top)
		if last >= m.offset+h {
			m.offset = min(last-h+1, l) // the item's own line first when only one fits
		}
		if m.cursor == len(m.shown)-1 {
			m.offset = max(m.offset, min(body-h, l))
		}
	}
	m.offset = min(max(m.offset, 0), max(body-h, 0))
}

// bodyHeight is how many lines fit below the summary.
func (m *Model) bodyHeight() int { return max(m.height-max(len(m.page.summary), 1), 0) }
