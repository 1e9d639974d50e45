// Package referral is the detail view of one referral: every fact it holds, read-only
// for now, with its screening clock.
package referral

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Source is what the view needs from the store.
type Source interface {
	Referral(ctx context.Context, id int64) (domain.Referral, error)
}

// KeyMap is the view's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Back key.Binding
}

// DefaultKeyMap returns the view's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// Model shows one referral.
type Model struct {
	com    common.Common
	src    Source
	id     int64
	keys   KeyMap
	vp     viewport.Model
	width  int
	height int

	ref    domain.Referral
	now    time.Time
	loaded bool
}

type loadedMsg struct {
	ref domain.Referral
	now time.Time
	err error
}

// New builds the view of referral id; Init loads it.
func New(com common.Common, src Source, id int64) *Model {
	return &Model{com: com, src: src, id: id, keys: DefaultKeyMap(), vp: viewport.New()}
}

// Init loads the referral.
func (m *Model) Init() tea.Cmd {
	ctx, src, id, clk := m.com.Ctx, m.src, m.id, m.com.Clock
	return func() tea.Msg {
		r, err := src.Referral(ctx, id)
		return loadedMsg{ref: r, now: clk.Now(), err: err}
	}
}

// Title names the screen after the person, so the header says whose record is open.
func (m *Model) Title() string {
	if !m.loaded {
		return "Referral"
	}
	return "Referral · " + m.ref.Person.Name()
}

// Capturing is false: the view takes no text.
func (m *Model) Capturing() bool { return false }

// SetSize re-lays the facts for a new width.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(h)
	m.refresh()
}

// Update applies a message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, tea.Batch(common.Cmd(common.ErrorMsg{Err: msg.err}), common.Back)
		}
		m.ref, m.now, m.loaded = msg.ref, msg.now, true
		m.refresh()
	case common.TickMsg:
		m.now = msg.Now
		m.refresh()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Back):
			return m, common.Back
		case key.Matches(msg, m.keys.Up):
			m.vp.ScrollUp(1)
		case key.Matches(msg, m.keys.Down):
			m.vp.ScrollDown(1)
		case key.Matches(msg, m.keys.PageUp):
			m.vp.PageUp()
		case key.Matches(msg, m.keys.PageDown):
			m.vp.PageDown()
		}
	}
	return m, nil
}

// refresh rebuilds the content when the data, the time or the width changes.
func (m *Model) refresh() {
	if !m.loaded || m.width <= 0 {
		return
	}
	off := m.vp.YOffset()
	m.vp.SetContentLines(facts(m.com, m.ref, m.now, m.width))
	m.vp.SetYOffset(off)
}

// View draws the visible part of the facts.
func (m *Model) View() string {
	if !m.loaded {
		return m.com.Theme.Muted.Render(common.Fit("Loading referral…", m.width))
	}
	return m.vp.View()
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Back}
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown}, {m.keys.Back}}
}
