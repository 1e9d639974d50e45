package caseview

import (
	"fmt"
	"strings"
	"unicode"

	"caseload/tui/spoken"
)

// Speech is a case in the accessible mode (common.Speaker): whose case and which tab,
// the closed banner, then the tab: the summary as "Label: value." sentences; another tab
// as its lines in words (the notes and the timeline get the shared list's speech with
// issue 16's LISTS work); a confirmation when one is open.
func (m *Model) Speech() []string {
	if !m.loaded {
		return nil
	}
	at := 0
	for i, t := range tabs {
		if t == m.tab {
			at = i
		}
	}
	out := []string{fmt.Sprintf("Case %d, %s: the %s tab, %d of %d; the number keys 1 to %d choose a tab.",
		m.caseID, m.rec.summary.Referral.Person.Name(), m.tab, at+1, len(tabs), len(tabs))}
	// Laid out at a width no window has, so no line is cut or wrapped; put back at once.
	w := m.width
	m.width = 1 << 16
	defer func() { m.width = w }()
	if b := m.banner(); b != "" {
		out = append(out, spoken.Sentence(b))
	}
	if m.dialog != nil {
		return append(out, m.dialog.Speech()...)
	}
	lines := m.summaryLines()
	if m.tab != TabSummary {
		lines = m.tabLines()
	}
	for _, l := range lines {
		// labelled's label column is 17 cells; a line of a chart's bars or a rule alone
		// says nothing.
		if s := spoken.Pair(l, 17); strings.IndexFunc(s, isWord) >= 0 {
			out = append(out, s)
		}
	}
	return out
}

// Place is the tab on screen (spoken.Placed): each tab is heard whole when chosen.
func (m *Model) Place() string { return m.tab }

// tabLines is the tab on screen, every line of it, as View draws it.
func (m *Model) tabLines() []string {
	switch {
	case m.tab == TabFormulation && m.compare:
		return m.compareLines()
	case m.tab == TabFormulation && m.history:
		return m.historyLines()
	case m.tab == TabFormulation:
		return m.formulationLines()
	case m.tab == TabNotes:
		return m.noteLines(1 << 16)
	case m.tab == TabPathway:
		return m.pathwayLines()
	case m.tab == TabForums:
		return m.forumLines()
	case m.tab == TabDischarge:
		return m.dischargeLines()
	case m.tab == TabOutcomes:
		lines, _ := m.outcomeLines()
		return lines
	}
	lines, _, _ := m.timelineLines()
	return lines
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
