package accessrequests

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// KeyMap is the screen's keys.
type KeyMap struct {
	list.Nav
	Record, Extend, Answer, All, Back key.Binding
}

// DefaultKeyMap returns the screen's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:    list.DefaultNav(),
		Record: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "record a request")),
		Extend: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "extend")),
		Answer: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "answered")),
		All:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "open/all")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Record, m.keys.Extend, m.keys.Answer, m.keys.All, m.keys.Back}
}

// FullHelp lists every key for the help screen, extend and answered disabled when they
// have no open request to act on (whynot.go).
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Record, common.Live(m, m.keys.Extend), common.Live(m, m.keys.Answer), m.keys.All, m.keys.Back},
	}
}
