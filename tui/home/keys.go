package home

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/component/list"
)

// KeyMap is the home screen's keys: moving over the lines, opening one, and the
// screens the day's work starts from.
type KeyMap struct {
	list.Nav
	Open, Mine                               key.Binding
	Queue, Caseload, Countdowns, Forums, New key.Binding
	Reports, Settings                        key.Binding
	AuditLog, Team, Requests                 key.Binding // a lead's only
}

// DefaultKeyMap returns the home screen's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:        list.DefaultNav(),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Mine:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "yours/team")),
		Queue:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "referrals")),
		Caseload:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "caseload")),
		Countdowns: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "countdowns")),
		Forums:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "forums")),
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new referral")),
		Reports:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "reports")),
		Settings:   key.NewBinding(key.WithKeys(","), key.WithHelp(",", "settings")),
		AuditLog:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "audit log")),
		Team:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "team's caseloads")),
		Requests:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "subject access requests")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Mine, m.keys.Queue, m.keys.Caseload}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Open, m.keys.Mine},
		m.screenKeys(),
	}
}

// screenKeys are the keys to the other screens; the Team screen's and the audit log's
// only for a lead.
func (m *Model) screenKeys() []key.Binding {
	ks := []key.Binding{m.keys.Queue, m.keys.Caseload, m.keys.Countdowns, m.keys.Forums, m.keys.New, m.keys.Reports, m.keys.Settings}
	if m.com.Me.Leads() {
		ks = append(ks, m.keys.Team, m.keys.Requests, m.keys.AuditLog)
	}
	return ks
}
