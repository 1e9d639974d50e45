package caseview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
)

// The forums tab lists the case's standing with each forum first, then its meetings:
// one line an item, so the cursor moves over both and enter opens the form of either.

// forumItems is how many lines the cursor moves over on the forums tab.
func (m *Model) forumItems() int { return len(domain.Forums) + len(m.rec.forums.Meetings) }

// standing is the case's standing with forum f, or, when nothing is recorded, only the
// case and the forum (the involvement form starts a new one from that).
func (m *Model) standing(f domain.Forum) (domain.ForumInvolvement, bool) {
	if v, ok := m.rec.forums.Involved(f); ok {
		return v, true
	}
	return domain.ForumInvolvement{CaseID: m.caseID, Forum: f}, false
}

// forumLines draws the tab; the selected meeting's details follow the list.
func (m *Model) forumLines() []string {
	t := m.com.Theme
	lines := []string{t.Header.Render(common.Clip("Risk forums (enter opens, n records a meeting)", m.width)), ""}
	for i, f := range domain.Forums {
		v, ok := m.standing(f)
		words := f.Label() + ": not involved"
		if ok {
			words = v.Describe()
		}
		lines = append(lines, m.forumRow(i, words))
	}
	if len(m.rec.forums.Meetings) == 0 {
		return append(lines, "", t.Muted.Render(common.Clip("No meetings recorded. Press n to record one.", m.width)))
	}
	today := m.today()
	for i, mt := range m.rec.forums.Meetings {
		words := fmt.Sprintf("%s  %s, %s", mt.Date.Medium(), mt.Kind.Label(), mt.Role.Label())
		if !mt.ReportDue.IsZero() {
			words += ", " + reportWords(mt, today)
		}
		lines = append(lines, m.forumRow(len(domain.Forums)+i, words))
	}
	if i := m.cursor - len(domain.Forums); i >= 0 && i < len(m.rec.forums.Meetings) {
		lines = append(lines, "")
		lines = append(lines, m.meetingDetail(m.rec.forums.Meetings[i])...)
	}
	return lines
}

func (m *Model) forumRow(i int, words string) string {
	if i == m.cursor {
		return m.com.Theme.Selected.Render(common.Fit("› "+words, m.width))
	}
	return common.Clip("  "+words, m.width)
}

// reportWords says when the meeting's report is due, in words: "report due 30 Nov
// 2026", "report due today", "⚠ report overdue by 2 days" (only while the meeting is
// still to come; afterwards it is history).
func reportWords(mt domain.ForumMeeting, today ident.Date) string {
	n := today.DaysUntil(mt.ReportDue)
	switch {
	case !mt.ReportSent.IsZero():
		return "report sent " + mt.ReportSent.Medium()
	case mt.Date.Before(today):
		return "report was due " + mt.ReportDue.Medium()
	case n == 0:
		return "report due today"
	case n < 0 && -n == 1:
		return "⚠ report overdue by 1 day"
	case n < 0:
		return fmt.Sprintf("⚠ report overdue by %d days", -n)
	}
	return "report due " + mt.ReportDue.Medium()
}

// reportDetail is the report's due date and whether it went.
func reportDetail(mt domain.ForumMeeting) string {
	switch {
	case mt.ReportDue.IsZero():
		return "none asked for"
	case mt.ReportSent.IsZero():
		return "due " + mt.ReportDue.Medium() + ", not sent yet"
	}
	return "due " + mt.ReportDue.Medium() + ", sent " + mt.ReportSent.Medium()
}

// meetingDetail is everything recorded about one meeting, wrapped to the width.
func (m *Model) meetingDetail(mt domain.ForumMeeting) []string {
	pairs := [][2]string{
		{"Meeting", mt.Kind.Label() + " on " + mt.Date.Long()},
		{"Chair or lead", orUnknown(mt.Chair)},
		{"Our role", mt.Role.Label()},
		{"Report", reportDetail(mt)},
		{"From the team", orUnknown(mt.Team)},
		{"Shared", orNone(mt.Shared)},
		{"Legal basis", orUnknown(mt.LegalBasis)},
		{"Outcome", orNone(mt.Outcome)},
	}
	for i, a := range mt.Actions {
		due := ""
		if !a.Due.IsZero() {
			due = " (due " + a.Due.Medium() + ")"
		}
		label := ""
		if i == 0 {
			label = "Our actions"
		}
		pairs = append(pairs, [2]string{label, "• " + a.Text + due})
	}
	pairs = append(pairs, [2]string{"Recorded", m.rec.actor(mt.RecordedBy) + ", " + common.MediumTime(mt.RecordedAt, m.com.London)})
	return labelled(m.com, pairs, m.width)
}

// forumAction handles enter and n on the forums tab.
func (m *Model) forumAction(msg tea.KeyPressMsg) tea.Cmd {
	k, person := m.keys, m.rec.summary.Referral.Person.Name()
	switch {
	case key.Matches(msg, k.New):
		return common.Cmd(common.EditForumMeetingMsg{Person: person,
			Meeting: domain.ForumMeeting{CaseID: m.caseID, Role: domain.RoleAttends}})
	case key.Matches(msg, k.Open), key.Matches(msg, k.Edit):
		if m.cursor < len(domain.Forums) {
			v, _ := m.standing(domain.Forums[m.cursor])
			return common.Cmd(common.EditInvolvementMsg{Person: person, Involvement: v})
		}
		if i := m.cursor - len(domain.Forums); i < len(m.rec.forums.Meetings) {
			return common.Cmd(common.EditForumMeetingMsg{Person: person, Meeting: m.rec.forums.Meetings[i]})
		}
	}
	return nil
}
