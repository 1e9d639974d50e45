package queue

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// View draws the summary, the column headings and only the rows that fit.
func (m *Model) View() string {
	// The drafts come first: an unsigned note is the clinician's own to put right.
	return m.list.View(m.com.Theme, []string{m.draftsLine() + m.summaryLine()}, nil)
}

// emptyNote says why no referral shows.
func (m *Model) emptyNote(loaded bool, rows int, _ string) string {
	switch {
	case !m.loaded && rows == 0:
		return "Loading referrals…"
	case rows == 0:
		return "No referrals yet. Press n to log one."
	}
	return "No referral matches the filter. Press esc to clear it."
}

// countWords is what the queue says after its name to a screen reader: "15 awaiting
// screening, 2 overdue".
func (m *Model) countWords() string {
	s := m.summary
	words := fmt.Sprintf("%d awaiting screening", s.waiting)
	if s.overdue > 0 {
		words += fmt.Sprintf(", %d overdue", s.overdue)
	}
	if m.group != 0 {
		words = fmt.Sprintf("showing %s (%d), ", statusGroups[m.group].name, len(m.list.Shown())) + words
	}
	return words
}

func (m *Model) summaryLine() string {
	t := m.com.Theme
	s := m.summary
	parts := []string{}
	if s.overdue > 0 {
		parts = append(parts, t.Overdue.Render(fmt.Sprintf("%d overdue", s.overdue)))
	}
	if s.soon > 0 {
		parts = append(parts, t.DueSoon.Render(fmt.Sprintf("%d due within 12h", s.soon)))
	}
	parts = append(parts, fmt.Sprintf("%d awaiting screening", s.waiting))
	parts = append(parts, t.Muted.Render(domain.Count(s.total, "referral", "referrals")))
	if m.group != 0 {
		parts = append([]string{t.Title.Render(fmt.Sprintf("Showing %s (%d)", statusGroups[m.group].name, len(m.list.Shown())))}, parts...)
	}
	return strings.Join(parts, t.Muted.Render(" · "))
}

// draftsLine flags the clinician's unsigned notes, loudly when one has waited more
// than a day: notes should be contemporaneous.
func (m *Model) draftsLine() string {
	t := m.com.Theme
	if len(m.drafts) == 0 {
		return ""
	}
	oldest := m.drafts[0]
	sep := t.Muted.Render(" · ")
	if oldest.StaleDraft(m.now) {
		return t.Overdue.Render(fmt.Sprintf("⚠ %d draft note%s, unsigned since %s", len(m.drafts), plural(len(m.drafts)),
			common.ShortTime(oldest.CreatedAt, m.com.London))) + sep
	}
	return fmt.Sprintf("%d draft note%s", len(m.drafts), plural(len(m.drafts))) + sep
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// cell is a column's text for a row and the style that marks it, if any.
func (m *Model) cell(r *row, id string) (string, *lipgloss.Style) {
	switch id {
	case colName:
		return r.name, nil
	case colNHS:
		return r.nhs, nil
	case colSource:
		return string(r.source), nil
	case colReceived:
		return common.ShortTime(r.received, m.com.London), nil
	case colClock:
		return clockCell(r, m.narrow), clockStyle(m.com.Theme, r.clock)
	case colStatus:
		return r.status.Label(), nil
	case colVerdict:
		return verdictText(r.verdict), verdictStyle(m.com.Theme, r.verdict)
	}
	return "", nil
}

// clockCell is the clock in words, in its short words when narrow. A running clock
// whose deadline is a weekend or a bank holiday says so (docs/RULES.md, "Screening
// deadline").
func clockCell(r *row, narrow bool) string {
	text, day := r.clock.Text(), r.offDay
	if narrow {
		text, day = r.clock.ShortText(), shortDayWord(day)
	}
	if day != "" && r.clock.State == domain.ClockDue {
		return text + " (" + day + ")"
	}
	return text
}

// verdictText pairs the verdict with a sign, so it reads without colour.
func verdictText(v domain.Verdict) string {
	switch v {
	case domain.Eligible:
		return "✓ eligible"
	case domain.NotEligible:
		return "✗ not eligible"
	}
	return "? incomplete"
}

func verdictStyle(t *common.Theme, v domain.Verdict) *lipgloss.Style {
	switch v {
	case domain.Eligible:
		return &t.Pass
	case domain.NotEligible:
		return &t.Fail
	}
	return &t.Unknown
}

func clockStyle(t *common.Theme, c domain.ScreeningClock) *lipgloss.Style {
	switch {
	case c.State == domain.ClockOverdue:
		return &t.Overdue
	case c.State == domain.ClockStopped:
		return &t.Stopped
	case c.Soon:
		return &t.DueSoon
	}
	return &t.Due
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	if m.list.Capturing() {
		return m.list.Typing()
	}
	esc := m.list.Esc(m.keys.Back)
	return []key.Binding{m.keys.Open, m.keys.Filter, m.keys.Caseload, m.keys.Group, m.keys.New, esc}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Open, m.keys.New, m.keys.Filter, m.keys.ApplyFilter, m.keys.ClearFilter, m.keys.Group, m.keys.Caseload, m.keys.Back},
	}
}
