package caseload

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// KeyMap is the caseload list's keys.
type KeyMap struct {
	list.Nav
	filter.KeyMap
	Open, Mine, Closed, Back key.Binding
}

// DefaultKeyMap returns the list's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:    list.DefaultNav(),
		KeyMap: filter.DefaultKeyMap(),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Mine:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mine/all")),
		Closed: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "closed cases")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the footer. esc clears a kept filter before it goes
// back, so the footer names what it will do now.
func (m *Model) ShortHelp() []key.Binding {
	if m.list.Capturing() {
		return m.list.Typing()
	}
	esc := m.list.Esc(m.keys.Back)
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Mine, m.keys.Filter, esc, m.keys.Closed}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Open, m.keys.Mine, m.keys.Filter, m.keys.ApplyFilter, m.keys.ClearFilter, m.keys.Closed, m.keys.Back},
	}
}
