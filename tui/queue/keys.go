package queue

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// KeyMap is the queue's keys.
type KeyMap struct {
	list.Nav
	filter.KeyMap
	Open, New, Group, Caseload key.Binding
	Back                       key.Binding // esc with no filter: the same key, helped apart
}

// DefaultKeyMap returns the queue's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:      list.DefaultNav(),
		KeyMap:   filter.DefaultKeyMap(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new referral")),
		Group:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "by status")),
		Caseload: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "caseload")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}
