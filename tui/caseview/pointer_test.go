package caseview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// With the mouse on, a click on a tab's label shows that tab, at every width the tab
// bar has a way of fitting; a click on a note puts the cursor on it, a double click
// opens it, and the wheel moves as the arrows do.
func TestPointerOnTabsAndNotes(t *testing.T) {
	for _, w := range []int{80, 120} {
		c, m, d, _ := twoWindows(t, TabSummary, w, 30)
		for _, tab := range tabs {
			bar := ansi.Strip(strings.Split(d.Screen(), "\n")[0])
			label := strings.ToUpper(tab[:1]) + tab[1:]
			x := ansi.StringWidth(bar[:strings.Index(bar, label)])
			d.Send(common.PointerMsg{Kind: common.Click, X: x + 1, Y: 0})
			if m.tab != tab {
				t.Errorf("%d wide: a click on %q at %d shows %s:\n%s", w, label, x+1, m.tab, bar)
			}
		}
		if w != 120 {
			continue
		}
		var ids []int64
		for i := range 3 {
			ids = append(ids, signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(10-i)*time.Hour), "Contact.").ID)
		}
		d.Send(common.CaseChangedMsg{CaseID: c.ID})
		m.setTab(TabNotes)
		// Tab bar, rule, the count, a blank line: the notes from the body's fifth line,
		// newest first.
		d.Send(common.PointerMsg{Kind: common.Click, X: 10, Y: 2 + listTop + 1})
		if m.cursor != 1 {
			t.Fatalf("a click on the second note left the cursor at %d:\n%s", m.cursor, d.Screen())
		}
		if _, cmd := m.Update(common.PointerMsg{Kind: common.DoubleClick, X: 10, Y: 2 + listTop + 1}); cmd == nil || cmd() != (common.OpenNoteMsg{NoteID: ids[1]}) {
			t.Errorf("a double click on the second note does not open it")
		}
		d.Send(common.PointerMsg{Kind: common.WheelDown})
		if m.cursor != 2 {
			t.Errorf("the wheel left the cursor at %d, want the last note", m.cursor)
		}
		d.Send(common.PointerMsg{Kind: common.Click, X: 10, Y: 20})
		if m.cursor != 2 {
			t.Errorf("a click below the notes moved the cursor to %d", m.cursor)
		}
	}
}
