package palette

import "charm.land/bubbles/v2/key"

// KeyMap is the palette's keys. Letters are typed into the query, so moving is on the
// arrows and ctrl+p/ctrl+n (as in Textual's and VS Code's palettes), never j and k.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Run, Close key.Binding
}

// DefaultKeyMap returns the palette's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Run:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp is the footer while the palette is open.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Run, m.keys.Up, m.keys.Down, m.keys.Close}
}
