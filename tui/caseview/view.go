package caseview

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"caseload/tui/common"
)

// View draws the tab bar, then the tab, or the signing dialog over it.
func (m *Model) View() string {
	if !m.loaded {
		return m.com.Theme.Muted.Render(common.Fit("Loading case…", m.width))
	}
	h, banner := m.room(), m.banner()
	matched, total := m.noteCount(), len(m.rec.notes)
	var body []string
	switch {
	case m.dialog != nil:
		body = strings.Split(m.dialog.View(m.width), "\n")
	case m.tab == TabSummary:
		body = m.summaryLines()
	case m.tab == TabFormulation && m.compare:
		body = m.compareLines()
	case m.tab == TabFormulation && m.history:
		body = m.historyLines()
	case m.tab == TabFormulation:
		body = m.formulationLines()
	case m.tab == TabNotes:
		body = m.noteLines(h)
	case m.tab == TabPathway:
		body = m.pathwayLines()
	case m.tab == TabForums:
		body = m.forumLines()
	case m.tab == TabDischarge:
		body = m.dischargeLines()
	case m.tab == TabOutcomes:
		body, _ = m.outcomeLines()
	default:
		body, matched, total = m.timelineLines()
	}
	body = m.window(body, h)
	if banner != "" {
		body = append([]string{banner}, body...)
	}
	if line := m.filterLine(matched, total); line != "" {
		for len(body) < m.height-3 {
			body = append(body, "")
		}
		body = append(body, line)
	}
	return m.tabBar() + "\n" + m.com.Theme.Muted.Render(strings.Repeat("─", max(m.width, 0))) + "\n" + strings.Join(body, "\n")
}

// window is the part of the lines on screen, from the scroll offset that Update keeps
// (on lists, it follows the cursor: one line an item under listTop lines of headings).
// room is how many lines the tab's own lines have: the height less the tab bar and its
// rule, the banner when there is one, and the filter line at the foot when it shows.
// Drawing, moving the cursor and a click all count with it, so they agree on which
// line is which.
func (m *Model) room() int {
	h := max(m.height-2, 0)
	if m.banner() != "" {
		h = max(h-1, 0)
	}
	if m.filters() && m.filter.Shown() {
		h = max(h-1, 0)
	}
	return h
}

func (m *Model) window(lines []string, h int) []string {
	off := min(m.offset, max(len(lines)-h, 0))
	return lines[off:min(off+h, len(lines))]
}

func (m *Model) tabBar() string {
	t := m.com.Theme
	f := m.tabFormat()
	var parts []string
	for i, tab := range tabs {
		label := tabLabel(f, i, tab)
		if tab == m.tab {
			label = t.Selected.Render(label)
		}
		parts = append(parts, label)
	}
	return common.Clip(strings.Join(parts, t.Muted.Render("│")), m.width)
}

// ShortHelp lists the keys for the tab on screen.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.dialog != nil {
		return nil
	}
	if m.filters() && m.filter.Active() {
		return m.filterHelp()
	}
	out := []key.Binding{k.NextTab, m.filter.Esc(m.fkeys, k.Back)}
	switch m.tab {
	case TabSummary:
		if m.rec.summary.Referral.DuplicateOpen() {
			out = append(out, k.Duplicate)
		}
	case TabNotes:
		out = append(out, k.Up, k.Down, k.Open, k.New, m.fkeys.Filter)
	case TabTimeline:
		out = append(out, m.fkeys.Filter)
	case TabPathway:
		out = append(out, k.Release)
	case TabOutcomes:
		out = append(out, k.Up, k.Down, k.Measure)
		if m.listLen() > 0 {
			out = append(out, k.Correct)
		}
		out = append(out, k.Transition, k.Judgement)
	case TabForums:
		out = append(out, k.Up, k.Down, k.Open, newMeeting)
	case TabFormulation:
		if m.history {
			out = append(out, k.Up, k.Down, k.Open, k.Mark, k.Compare)
		} else {
			out = append(out, k.Edit, k.Sign, k.History)
		}
	}
	// The case's end comes last: the tab's own keys are the ones used every day.
	switch {
	case m.closed() && m.com.Me.Leads():
		out = append(out, k.Reopen)
	case !m.closed():
		out = append(out, k.CloseCase)
		if m.com.Me.Leads() || m.com.Me.ID == m.rec.summary.Case.AllocatedClinicianID {
			out = append(out, k.HandOver)
		}
	}
	return out
}

// FullHelp lists the tabs' keys and the keys of the tab on screen (ShortHelp's), never
// another tab's: help lists only what works here.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.dialog != nil {
		return nil
	}
	tabs := []key.Binding{k.NextTab, k.PrevTab, k.Summary, k.Formulation, k.Notes, k.Timeline, k.Pathway, k.Forums, k.Discharge, k.Outcomes, k.Back}
	own := []key.Binding{k.Up, k.Down}
	for _, b := range m.ShortHelp() {
		if b.Help() != k.NextTab.Help() && b.Help() != k.Back.Help() && b.Help() != k.Up.Help() && b.Help() != k.Down.Help() {
			own = append(own, b)
		}
	}
	if m.tab == TabNotes || m.tab == TabTimeline {
		own = append(own, m.fkeys.ApplyFilter, m.fkeys.ClearFilter)
	}
	return [][]key.Binding{tabs, own}
}
