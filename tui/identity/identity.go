// Package identity asks, once, which clinician is using this operating-system account,
// and binds the two: everything written or signed from then on carries that clinician.
// Nothing of anyone's record is shown before it is answered.
package identity

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Source is what binding needs from the store.
type Source interface {
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
	BindClinician(ctx context.Context, actor string, at time.Time, clinicianID int64, osUser string) error
}

// SignedInMsg tells the root who is using the app.
type SignedInMsg struct{ Clinician domain.Clinician }

// Model is the question.
type Model struct {
	com     common.Common
	src     Source
	osUser  string
	choices []domain.Clinician
	cursor  int
	loaded  bool
	width   int
	height  int
	keys    struct{ Up, Down, Choose key.Binding }
}

type loadedMsg struct {
	clinicians []domain.Clinician
	err        error
}

type boundMsg struct {
	c   domain.Clinician
	err error
}

// New asks which clinician osUser is.
func New(com common.Common, src Source, osUser string) *Model {
	m := &Model{com: com, src: src, osUser: osUser}
	m.keys.Up = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
	m.keys.Down = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	m.keys.Choose = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "this is me"))
	return m
}

// Init lists the active clinicians not yet bound to an account.
func (m *Model) Init() tea.Cmd {
	ctx, src := m.com.Ctx, m.src
	return func() tea.Msg {
		cs, err := src.Clinicians(ctx)
		var free []domain.Clinician
		for _, c := range cs {
			if c.Active && c.OSUser == "" {
				free = append(free, c)
			}
		}
		return loadedMsg{clinicians: free, err: err}
	}
}

// Title names the screen.
func (m *Model) Title() string { return "Who is using caseload?" }

// Capturing is false.
func (m *Model) Capturing() bool { return false }

// SetSize keeps the size.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		m.choices, m.loaded = msg.clinicians, true
	case boundMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		return m, common.Cmd(SignedInMsg{Clinician: msg.c})
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, max(len(m.choices)-1, 0))
		case key.Matches(msg, m.keys.Choose) && len(m.choices) > 0:
			c := m.choices[m.cursor]
			ctx, src, user, now := m.com.Ctx, m.src, m.osUser, m.com.Clock.Now()
			c.OSUser = user
			return m, func() tea.Msg {
				return boundMsg{c: c, err: src.BindClinician(ctx, "os:"+user, now, c.ID, user)}
			}
		}
	}
	return m, nil
}

// View draws the question and the choices.
func (m *Model) View() string {
	t := m.com.Theme
	lines := common.Wrap(fmt.Sprintf("This account (%s) is not yet linked to a clinician. Choose yourself once; "+
		"everything you write or sign will carry your name.", m.osUser), max(m.width, 1))
	lines = append(lines, "")
	if m.loaded && len(m.choices) == 0 {
		lines = append(lines, common.Wrap("No clinician is free to link. A lead adds one with: caseload clinicians add --name NAME --role ROLE", max(m.width, 1))...)
	}
	for i, c := range m.choices {
		line := fmt.Sprintf("%s, %s", c.Name, c.Role)
		if c.Registration != "" {
			line += " (" + c.Registration + ")"
		}
		if i == m.cursor {
			lines = append(lines, t.Selected.Render(common.Fit("› "+line, m.width)))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Choose}
}

// FullHelp lists the keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
