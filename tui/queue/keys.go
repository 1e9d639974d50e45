package queue

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/list"
)

// KeyMap is the queue's keys.
type KeyMap struct {
	list.Nav
	Open, Filter, ClearFilter, New key.Binding
	ApplyFilter, Group, Caseload   key.Binding
	Back                           key.Binding // esc with no filter: the same key, helped apart
}

// DefaultKeyMap returns the queue's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:         list.DefaultNav(),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		ApplyFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new referral")),
		Group:       key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "by status")),
		Caseload:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "caseload")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}
