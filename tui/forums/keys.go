package forums

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// KeyMap is the forums screen's keys.
type KeyMap struct {
	list.Nav
	filter.KeyMap
	Open, Edit, Mine, Back key.Binding
}

// DefaultKeyMap returns the screen's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:    list.DefaultNav(),
		KeyMap: filter.DefaultKeyMap(),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open case")),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit meeting")),
		Mine:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mine/all")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	if m.list.Capturing() {
		return m.list.Typing()
	}
	esc := m.list.Esc(m.keys.Back)
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Edit, m.keys.Mine, m.keys.Filter, esc}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Open, m.keys.Edit, m.keys.Mine, m.keys.Filter, m.keys.ApplyFilter, m.keys.ClearFilter, m.keys.Back},
	}
}
