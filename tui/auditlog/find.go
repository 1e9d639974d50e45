package auditlog

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/filter"
)

// `/` narrows the entries read so far by the words typed, as on every list (who, what,
// whose record, when); p, c and d narrow the whole log in the store. The words are
// searched over at most the pages read, so a keystroke costs what they hold.

// matching is the entries read that hold every word typed after /, all without any.
func (m *Model) matching() []int {
	return filter.Match(len(m.lines), m.find.Value(), func(i int) (string, bool) {
		l := m.lines[i]
		return domain.FoldForSearch(strings.Join([]string{l.At.In(m.com.London).Format("Mon 02 Jan 2006 15:04"),
			l.By, common.OneLine(what(l)), which(l)}, "\x00")), true
	})
}

// match works the entries shown out again after the words changed, the cursor on the
// same entry when it still shows, else on the top one.
func (m *Model) match() {
	var at int64
	if ri, ok := m.win.Selected(m.shown); ok {
		at = m.lines[ri].ID
	}
	m.shown = m.matching()
	m.win.Select(m.shown, m.listHeight(), func(ri int) bool { return m.lines[ri].ID == at })
}

// clamp keeps the cursor on an entry and the entry on screen.
func (m *Model) clamp() { m.win.Clamp(len(m.shown), m.listHeight()) }

// pointer is the mouse on the log: the wheel scrolls, a click puts the cursor on the
// entry clicked (below the summary and the headings).
func (m *Model) pointer(msg common.PointerMsg) tea.Cmd {
	h := m.listHeight()
	switch msg.Kind {
	case common.WheelUp:
		m.win.Move(-3, len(m.shown), h)
	case common.WheelDown:
		m.win.Move(3, len(m.shown), h)
	case common.Click, common.DoubleClick:
		if i := m.win.Offset + msg.Y - 2; msg.Y >= 2 && msg.Y-2 < h && i < len(m.shown) {
			m.win.Cursor = i
			m.clamp()
		}
	}
	return m.readOn()
}
