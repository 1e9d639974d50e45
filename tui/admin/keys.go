package admin

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/list"
)

// KeyMap is the admin screen's keys: scrolling only, since it opens nothing.
type KeyMap struct{ list.Nav }

// DefaultKeyMap returns the admin screen's keys, following the app's conventions.
func DefaultKeyMap() KeyMap { return KeyMap{Nav: list.DefaultNav()} }

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Up, m.keys.Down} }

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom}}
}
