package accessrequests

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

const (
	colPerson   = "person"
	colReceived = "received"
	colDue      = "due"
	colStands   = "stands"
	colAsked    = "asked"
)

// layout keeps the person and how the request stands however narrow the screen; who
// asked gives way first, then the days.
func layout(width int) []list.Column {
	return list.Layout(width, list.Spec{
		Name:     list.Column{ID: colPerson, Heading: "Person"},
		NameWant: 18,
		Fixed: []list.Column{
			{ID: colStands, Heading: "Stands", Width: 22, Keep: 9},
			{ID: colDue, Heading: "Due", Width: 17, Keep: 7},
			{ID: colReceived, Heading: "Received", Width: 11, Keep: 6},
			{ID: colAsked, Heading: "Asked by", Width: 34, Keep: 5},
		},
		MinKept: 1,
	})
}

// View draws the summary, the headings, the requests that fit and the selected one's
// extension reason at the foot.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	t := m.com.Theme
	lines := []string{common.Fit(m.summary(), m.width), t.Header.Render(list.Headings(m.cols, m.width))}
	if note := m.emptyNote(); note != "" {
		for _, l := range common.Wrap(note, m.width) {
			lines = append(lines, t.Muted.Render(common.Fit(l, m.width)))
		}
	}
	for i, sel := range m.win.Visible(m.shown, m.listHeight()) {
		r := &m.reqs[i]
		lines = append(lines, list.Row(m.cols, m.width, sel, t.Selected, func(id string) (string, *lipgloss.Style) {
			return m.cell(r, id)
		}))
	}
	if r := m.selected(); r != nil && r.ExtensionReason != "" {
		for len(lines) < m.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, t.Muted.Render(common.Fit("Extended: "+r.ExtensionReason, m.width)))
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

func (m *Model) summary() string {
	t := m.com.Theme
	what, toggle := "Open requests", "a shows every request"
	if m.all {
		what, toggle = "Every request", "a shows the open ones"
	}
	overdue := m.overdue()
	detail := fmt.Sprintf("%d", len(m.reqs))
	if overdue > 0 {
		detail += fmt.Sprintf(", %d overdue", overdue)
	}
	return t.Title.Render(what) + t.Muted.Render(" · "+detail+" · due a month after receipt · "+toggle)
}

func (m *Model) emptyNote() string {
	switch {
	case !m.loaded:
		return "Loading subject access requests…"
	case len(m.reqs) > 0:
		return ""
	case m.all:
		return "No subject access request has been recorded. Press n to record one."
	}
	return "No subject access request is open. Press n to record one, a to see answered ones."
}

// cell is a column's text for a request and the style that repeats what it says.
func (m *Model) cell(r *domain.AccessRequestOn, id string) (string, *lipgloss.Style) {
	t := m.com.Theme
	switch id {
	case colPerson:
		return r.Person, nil
	case colReceived:
		return r.ReceivedOn.Medium(), nil
	case colDue:
		if !r.ExtendedTo.IsZero() {
			return r.ExtendedTo.Medium() + " (ext)", nil
		}
		return r.DueOn.Medium(), nil
	case colStands:
		return stands(*r, m), standsStyle(*r, m, t)
	case colAsked:
		return r.RequestedBy, nil
	}
	return "", nil
}

// stands is where a request stands today, in words: "⚠ overdue by 3 days", "due in
// 5 days", "answered 2 Dec 2026".
func stands(r domain.AccessRequestOn, m *Model) string {
	if !r.Open() {
		return "answered " + r.AnsweredOn.Medium()
	}
	n := m.today.DaysUntil(r.Due())
	switch {
	case n < 0:
		return fmt.Sprintf("⚠ overdue by %s", days(-n))
	case n == 0:
		return "⚠ due today"
	}
	return "due in " + days(n)
}

func standsStyle(r domain.AccessRequestOn, m *Model, t *common.Theme) *lipgloss.Style {
	switch n := m.today.DaysUntil(r.Due()); {
	case !r.Open():
		return &t.Muted
	case n <= 0:
		return &t.Overdue
	case n <= 7:
		return &t.DueSoon
	}
	return nil
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
