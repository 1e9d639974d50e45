package tui

import "charm.land/bubbles/v2/key"

// KeyMap is the keys the root answers on every screen.
type KeyMap struct {
	Quit, ForceQuit, Help, CloseHelp, Search, Unlock, Palette key.Binding
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
		// ctrl+k as in Slack, GitHub and VS Code's "go to"; `:` as in k9s and vim. Both
		// wait while a form or editor takes text (an editor's conflict uses ctrl+k).
		Palette: key.NewBinding(key.WithKeys("ctrl+k", ":"), key.WithHelp("ctrl+k/:", "all actions and places")),
	}
}
