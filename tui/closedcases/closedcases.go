// Package closedcases is the list of closed cases, which the caseload list's default
// view leaves out (docs/RULES.md, "Closing a case"): who the person is, who held the
// case, the day it closed and why, the latest closing first. enter opens the case, which
// stays readable, and where a lead reopens it.
package closedcases

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
)

// Source is what the list needs from the store.
type Source interface {
	CasesByStatus(ctx context.Context, status string) ([]domain.CaseOnPathway, error)
}

// Model is the list of closed cases.
type Model struct {
	com   common.Common
	src   Source
	keys  KeyMap
	rows  []domain.CaseOnPathway
	shown []int
	win   list.Window
	cols  []list.Column
	loads list.Loads

	loaded        bool
	width, height int
}

// KeyMap is the list's keys.
type KeyMap struct {
	list.Nav
	Open, Back key.Binding
}

// New builds the list; it loads on Init.
func New(com common.Common, src Source) *Model {
	return &Model{com: com, src: src, keys: KeyMap{Nav: list.DefaultNav(),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))}}
}

type loadedMsg struct {
	rows []domain.CaseOnPathway
	err  error
}

func (m *Model) load() tea.Cmd {
	ctx, src := m.com.Ctx, m.src
	return func() tea.Msg {
		rows, err := src.CasesByStatus(ctx, "closed")
		// The latest closing first: the one a lead is most likely looking for.
		slices.SortStableFunc(rows, func(a, b domain.CaseOnPathway) int {
			return cmp.Or(b.Closure.On.Compare(a.Closure.On), cmp.Compare(b.CaseID, a.CaseID))
		})
		return loadedMsg{rows: rows, err: err}
	}
}

// Init loads the closed cases.
func (m *Model) Init() tea.Cmd { return m.loads.Ask(m.load) }

// Title names the screen.
func (m *Model) Title() string { return "Closed cases" }

// Capturing is false: the list takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.cols = list.Layout(w, list.Spec{Name: list.Column{ID: "name", Heading: "Person"}, NameWant: 24, MinKept: 1,
		Fixed: []list.Column{{ID: "closed", Heading: "Closed on", Width: 11, Keep: 3},
			{ID: "clinician", Heading: "Clinician", Width: 18, Keep: 1},
			{ID: "reason", Heading: "Reason", Width: 40, Keep: 2}}})
	m.win.Clamp(len(m.shown), m.listHeight())
}

func (m *Model) listHeight() int { return max(m.height-2, 1) }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.rows, m.loaded = msg.rows, true
		m.shown = make([]int, len(m.rows))
		for i := range m.shown {
			m.shown[i] = i
		}
		m.win.Clamp(len(m.shown), m.listHeight())
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.DataChangedMsg:
		return m, m.loads.Ask(m.load) // a case closed or reopened since
	case tea.KeyPressMsg:
		if m.win.Navigate(msg, m.keys.Nav, len(m.shown), m.listHeight()) {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.keys.Open):
			if i, ok := m.win.Selected(m.shown); ok {
				return m, common.Cmd(common.OpenCaseMsg{CaseID: m.rows[i].CaseID, Tab: "discharge"})
			}
		case key.Matches(msg, m.keys.Back):
			return m, common.Back
		}
	}
	return m, nil
}

// View draws the count, the headings and the rows that fit.
func (m *Model) View() string {
	t := m.com.Theme
	if !m.loaded {
		return t.Muted.Render(common.Fit("Loading closed cases…", m.width))
	}
	lines := []string{common.Fit(fmt.Sprintf("%s · enter opens one (readable; a lead reopens it with o)",
		domain.Count(len(m.rows), "closed case", "closed cases")), m.width), t.Header.Render(list.Headings(m.cols, m.width))}
	if len(m.rows) == 0 {
		lines = append(lines, t.Muted.Render(common.Fit("No case has been closed.", m.width)))
	}
	for i, selected := range m.win.Visible(m.shown, m.listHeight()) {
		r := m.rows[i]
		lines = append(lines, list.Row(m.cols, m.width, selected, t.Selected, func(id string) (string, *lipgloss.Style) {
			switch id {
			case "name":
				return r.Person.Name(), nil
			case "closed":
				if r.Closure.On.IsZero() {
					return "not known", &t.Muted
				}
				return r.Closure.On.Medium(), nil
			case "clinician":
				if r.Clinician == "" {
					return "unallocated", &t.Muted
				}
				return r.Clinician, nil
			}
			return reason(r.Closure), nil
		}))
	}
	return strings.Join(lines[:min(len(lines), m.height)], "\n")
}

// reason is the closing's reason in words, or says the case closed before discharge
// summaries recorded one.
func reason(c domain.CaseClosure) string {
	if c.Reason == "" {
		return "closed before discharge summaries"
	}
	return c.Says()
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Back}
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Back}}
}
