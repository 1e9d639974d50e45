package settings

import "charm.land/bubbles/v2/key"

// KeyMap is the Settings screen's keys.
type KeyMap struct {
	Up, Down, Prev, Next, Save, Back key.Binding
}

// DefaultKeyMap returns the screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Prev: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous value")),
		Next: key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→/l", "next value")),
		Save: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save this line")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Next, m.keys.Save, m.keys.Back}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down}, {m.keys.Prev, m.keys.Next, m.keys.Save, m.keys.Back}}
}
