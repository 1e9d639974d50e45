package auditlog

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// KeyMap is the audit log's keys: moving, and narrowing the log by person, clinician
// or day.
type KeyMap struct {
	list.Nav
	filter.KeyMap
	Person, Clinician, Day, Clear, Back key.Binding
	Apply, Cancel                       key.Binding // while a filter is typed
}

// DefaultKeyMap returns the audit log's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:       list.DefaultNav(),
		KeyMap:    filter.DefaultKeyMap(),
		Person:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "by person")),
		Clinician: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "by clinician")),
		Day:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "by day")),
		Clear:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Apply:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	if m.asking != "" {
		return []key.Binding{m.keys.Apply, m.keys.Cancel}
	}
	if m.find.Active() {
		return m.keys.Typing()
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Person, m.keys.Clinician, m.keys.Day, m.keys.Clear,
		m.keys.Filter, m.find.Esc(m.keys.KeyMap, m.keys.Back)}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Person, m.keys.Clinician, m.keys.Day, m.keys.Clear, m.keys.Back},
		{m.keys.Filter, m.keys.ApplyFilter, m.keys.ClearFilter},
	}
}
