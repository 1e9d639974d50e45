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

// A click lands on the note drawn where it falls, whatever the tab has above and below
// its notes: scrolled to the end with a filter kept at the foot, every note line clicked
// puts the cursor on that very line, and the filter line is no note.
func TestPointerOnNotesUnderAFilterScrolled(t *testing.T) {
	c, m, d, _ := twoWindows(t, TabSummary, 100, 12)
	for i := range 12 {
		signNote(t, c.Store, c.Clinician.ID, c.ID, testNow.Add(-time.Duration(20-i)*time.Hour), "Contact by phone.")
	}
	d.Send(common.CaseChangedMsg{CaseID: c.ID})
	m.setTab(TabNotes)
	d.Keys("/").Type("phone").Keys("enter")
	for range 12 {
		d.Keys("down")
	}
	lines := strings.Split(d.Screen(), "\n")
	foot := len(lines) - 1
	if !strings.Contains(lines[foot], "match") {
		t.Fatalf("no filter line at the foot:\n%s", d.Screen())
	}
	clicked := 0
	for y, line := range lines[:foot] {
		if !strings.Contains(line, "Contact by phone.") {
			continue
		}
		d.Send(common.PointerMsg{Kind: common.Click, X: 10, Y: y})
		if got := strings.Split(d.Screen(), "\n")[y]; !strings.HasPrefix(ansi.Strip(got), "›") {
			t.Errorf("a click on line %d put the cursor elsewhere:\n%s", y, d.Screen())
		}
		clicked++
	}
	if clicked < 5 {
		t.Fatalf("only %d note lines to click:\n%s", clicked, d.Screen())
	}
	before := m.cursor
	d.Send(common.PointerMsg{Kind: common.Click, X: 10, Y: foot})
	if m.cursor != before {
		t.Errorf("a click on the filter line moved the cursor from %d to %d", before, m.cursor)
	}
}
