package caseview

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// pointer is the mouse on a case (common.PointerMsg): a click on the tab bar shows the
// tab clicked; the wheel moves as the arrows do; on the notes tab a click puts the
// cursor on the note clicked and a double click opens it.
func (m *Model) pointer(msg common.PointerMsg) tea.Cmd {
	switch msg.Kind {
	case common.WheelUp:
		m.move(-3)
	case common.WheelDown:
		m.move(3)
	case common.Click, common.DoubleClick:
		if msg.Y == 0 {
			if tab, ok := m.tabAt(msg.X); ok && tab != m.tab {
				m.setTab(tab)
			}
			return nil
		}
		if m.tab != TabNotes || !m.loaded {
			return nil
		}
		i, off, ok := m.noteAtLine(msg.Y)
		if !ok {
			return nil
		}
		// The note clicked is on screen: the cursor goes to it and nothing scrolls, so
		// the second click of a double click lands on the same note.
		m.cursor, m.offset = i, off
		if msg.Kind == common.DoubleClick {
			return common.Cmd(common.OpenNoteMsg{NoteID: m.rec.notes[m.noteAt(m.cursor)].ID})
		}
	}
	return nil
}

// noteAtLine is the note shown on line y of the screen (below the tab bar and its rule),
// if one is.
// It returns the list's offset as drawn, too.
func (m *Model) noteAtLine(y int) (note, offset int, ok bool) {
	line := y - 2 // the tab bar and the rule
	if m.banner() != "" {
		line--
	}
	h := m.room() // the filter line below it is not a note's
	if line < 0 || line >= h {
		return 0, 0, false
	}
	shown := m.noteCount()
	off := min(m.offset, max(shown+listTop-h, 0))
	i := off + line - listTop
	if i < 0 || i >= shown {
		return 0, 0, false
	}
	return i, off, true
}

// tabAt is the tab whose label is drawn at column x of the tab bar, as tabBar draws it.
func (m *Model) tabAt(x int) (string, bool) {
	f := m.tabFormat()
	at := 0
	for i, tab := range tabs {
		w := ansi.StringWidth(tabLabel(f, i, tab))
		if x >= at && x < at+w {
			return tab, true
		}
		at += w + 1 // the "│" between labels
	}
	return "", false
}

// tabFormat is the widest way of labelling the tabs that fits the width: padded, then
// without the padding, then without the space after each number.
func (m *Model) tabFormat() tabStyle {
	styles := []tabStyle{{" ", " "}, {"", " "}, {"", ""}}
	for _, f := range styles[:2] {
		var plain []string
		for i, tab := range tabs {
			plain = append(plain, tabLabel(f, i, tab))
		}
		if ansi.StringWidth(strings.Join(plain, "│")) <= m.width {
			return f
		}
	}
	return styles[2]
}

// tabStyle is how the tab labels are spaced.
type tabStyle struct{ pad, gap string }

// tabLabel is the label of tab i: its number and its name.
func tabLabel(f tabStyle, i int, tab string) string {
	return f.pad + string(rune('1'+i)) + f.gap + strings.ToUpper(tab[:1]) + tab[1:] + f.pad
}
