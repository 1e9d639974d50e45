// Package identity asks, once, which clinician is using this operating-system account,
// and binds the two: everything written or signed from then on carries that clinician.
// Nothing of anyone's record is shown before it is answered. The cursor starts on no
// one, and the choice is confirmed by name and registration before it is bound: a stray
// enter must not make this account someone else (issue 10, finding 10).
package identity

import (
	"context"
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

// noOne is the cursor before anyone has been chosen.
const noOne = -1

// Model is the question.
type Model struct {
	com        common.Common
	src        Source
	osUser     string
	choices    []domain.Clinician
	cursor     int  // an index into choices, or noOne
	confirming bool // asking "You are ...?" about choices[cursor]
	binding    bool // the bind is on its way to the store, or done
	loaded     bool
	width      int
	height     int
	keys       struct{ Up, Down, Choose, Yes, No key.Binding }
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
	m := &Model{com: com, src: src, osUser: osUser, cursor: noOne}
	m.keys.Up = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
	m.keys.Down = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	m.keys.Choose = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "this is me"))
	m.keys.Yes = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, this is me"))
	m.keys.No = key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "back to the list"))
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

// Capturing is true while the question is asked: y, n and esc are its answers, and no
// global key may act under it.
func (m *Model) Capturing() bool { return m.confirming }

// SetSize keeps the size.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		m.choices, m.loaded, m.cursor, m.confirming = msg.clinicians, true, noOne, false
	case boundMsg:
		if msg.err != nil {
			m.binding, m.confirming = false, false
			return m, common.Cmd(common.ErrorMsg{Err: msg.err})
		}
		// binding stays set: the question is answered, and no key may answer it again.
		return m, common.Cmd(SignedInMsg{Clinician: msg.c})
	case tea.KeyPressMsg:
		if m.binding {
			return m, nil // one answer is on its way; nothing typed now may add another
		}
		if m.confirming {
			return m, m.answer(msg)
		}
		switch {
		case key.Matches(msg, m.keys.Up) && len(m.choices) > 0:
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down) && len(m.choices) > 0:
			m.cursor = min(m.cursor+1, len(m.choices)-1)
		case key.Matches(msg, m.keys.Choose) && m.cursor != noOne:
			m.confirming = true
		}
	}
	return m, nil
}

// answer takes y (bind) or n/esc (back to the list, the cursor where it was).
func (m *Model) answer(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.No):
		m.confirming = false
	case key.Matches(msg, m.keys.Yes):
		m.binding = true
		c := m.choices[m.cursor]
		ctx, src, user, now := m.com.Ctx, m.src, m.osUser, m.com.Clock.Now()
		c.OSUser = user
		return func() tea.Msg {
			return boundMsg{c: c, err: src.BindClinician(ctx, "os:"+user, now, c.ID, user)}
		}
	}
	return nil
}

// ShortHelp lists the keys.
func (m *Model) ShortHelp() []key.Binding {
	if m.confirming {
		return []key.Binding{m.keys.Yes, m.keys.No}
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Choose}
}

// FullHelp lists the keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
