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
	"caseload/tui/component/filter"
	"caseload/tui/component/list"
	"caseload/tui/component/listscreen"
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
	list  *listscreen.Model[domain.CaseOnPathway] // the latest closing first
	loads list.Loads
}

// KeyMap is the list's keys.
type KeyMap struct {
	list.Nav
	filter.KeyMap
	Open, Back key.Binding
}

// New builds the list; it loads on Init.
func New(com common.Common, src Source) *Model {
	m := &Model{com: com, src: src, keys: KeyMap{Nav: list.DefaultNav(), KeyMap: filter.DefaultKeyMap(),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))}}
	m.list = listscreen.New(listscreen.Spec[domain.CaseOnPathway]{
		Title: "Closed cases",
		Columns: list.Spec{Name: list.Column{ID: "name", Heading: "Person"}, NameWant: 24, MinKept: 1,
			Fixed: []list.Column{{ID: "closed", Heading: "Closed on", Width: 11, Keep: 3},
				{ID: "clinician", Heading: "Clinician", Width: 18, Keep: 1},
				{ID: "reason", Heading: "Reason", Width: 40, Keep: 2}}},
		Cell: m.cell,
		ID:   func(r *domain.CaseOnPathway) int64 { return r.CaseID },
		Haystack: func(r *domain.CaseOnPathway) string {
			return domain.FoldForSearch(strings.Join([]string{r.Person.Name(), r.Clinician, reason(r.Closure),
				r.Closure.On.Medium()}, "\x00"))
		},
		Open: func(r *domain.CaseOnPathway) tea.Cmd {
			return common.Cmd(common.OpenCaseMsg{CaseID: r.CaseID, Tab: "discharge"})
		},
		Empty: func(loaded bool, rows int, _ string) string {
			switch {
			case !loaded:
				return "Loading closed cases…"
			case rows == 0:
				return "No case has been closed."
			}
			return "No closed case matches the filter. Press esc to clear it."
		},
		Count: func() string {
			return domain.Count(len(m.list.Shown()), "closed case", "closed cases")
		},
		Placeholder: "name, clinician, reason or day",
	})
	m.list.Nav, m.list.Keys = m.keys.Nav, m.keys.KeyMap
	return m
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

// Capturing is true while the filter is typed.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// SetSize lays the columns out for a new size.
func (m *Model) SetSize(w, h int) { m.list.SetSize(w, h) }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, m.loads.Land(common.Cmd(common.ErrorMsg{Err: msg.err}), m.load)
		}
		m.list.SetRows(msg.rows)
		return m, m.loads.Land(nil, m.load)
	case common.CaseChangedMsg, common.DataChangedMsg:
		return m, m.loads.Ask(m.load) // a case closed or reopened since
	case tea.KeyPressMsg:
		return m, m.list.Update(msg, func(msg tea.KeyPressMsg) tea.Cmd {
			switch {
			case key.Matches(msg, m.keys.Open):
				return m.list.OpenSelected()
			case key.Matches(msg, m.keys.Back):
				return common.Back
			}
			return nil
		})
	case tea.PasteMsg:
		m.list.Paste(msg)
	case common.PointerMsg:
		return m, m.list.Pointer(msg)
	}
	return m, nil
}

// View draws the count, the headings and the rows that fit.
func (m *Model) View() string {
	if !m.list.Loaded() {
		return m.com.Theme.Muted.Render(common.Fit("Loading closed cases…", m.list.Width()))
	}
	summary := fmt.Sprintf("%s · enter opens one (readable; a lead reopens it with o)",
		domain.Count(len(m.list.Rows()), "closed case", "closed cases"))
	return m.list.View(m.com.Theme, []string{summary}, nil)
}

// cell is a column's text for a row and the style that marks it, if any.
func (m *Model) cell(r *domain.CaseOnPathway, id string) (string, *lipgloss.Style) {
	t := m.com.Theme
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
	if m.list.Capturing() {
		return m.list.Typing()
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Filter, m.list.Esc(m.keys.Back)}
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Back},
		{k.Filter, k.ApplyFilter, k.ClearFilter}}
}
