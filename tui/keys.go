package tui

import "charm.land/bubbles/v2/key"

// KeyMap is the keys the root answers on every screen.
type KeyMap struct {
	Quit, ForceQuit, Help, CloseHelp, Search, Unlock key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		CloseHelp: key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close help")),
		Search:    key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search notes")),
		Unlock:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "unlock")),
	}
}
