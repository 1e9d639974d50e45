package search

import "charm.land/bubbles/v2/key"

// KeyMap is the search screen's keys. While the box has the focus, letters are text, so
// only the arrows move through the results.
type KeyMap struct {
	Up, Down, PageUp, PageDown key.Binding
	Open, Focus, Clear, Back   key.Binding
	// TypingUp and TypingDown are Up and Down while the box has the focus.
	TypingUp, TypingDown key.Binding
}

// DefaultKeyMap returns the search screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		// Not ctrl+u and ctrl+d as in the lists: in the box they delete text.
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Focus:    key.NewBinding(key.WithKeys("tab", "/"), key.WithHelp("tab", "box/results")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		TypingUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		TypingDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
}

// ShortHelp lists the keys for the footer, naming what esc will do now.
func (m *Model) ShortHelp() []key.Binding {
	esc := m.keys.Back
	if m.input.Value() != "" {
		esc = m.keys.Clear
	}
	up, down := m.keys.Up, m.keys.Down
	if m.input.Focused() {
		up, down = m.keys.TypingUp, m.keys.TypingDown
	}
	return []key.Binding{up, down, m.keys.Open, m.keys.Focus, esc}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown},
		{m.keys.Open, m.keys.Focus, m.keys.Clear, m.keys.Back},
	}
}
