package reports

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
)

// KeyMap is the Reports screen's keys: scrolling, the period, back.
type KeyMap struct {
	list.Nav
	Earlier, Later                       key.Binding
	ThisMonth, Quarter, Year, SinceFirst key.Binding
	Back                                 key.Binding
}

// DefaultKeyMap returns the screen's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:        list.DefaultNav(),
		Earlier:    key.NewBinding(key.WithKeys("[", "left", "h"), key.WithHelp("[", "earlier period")),
		Later:      key.NewBinding(key.WithKeys("]", "right", "l"), key.WithHelp("]", "later period")),
		ThisMonth:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "this month")),
		Quarter:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "last 3 months")),
		Year:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "last 12 months")),
		SinceFirst: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "since the first referral")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the footer.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.PageDown, m.keys.Earlier, m.keys.Later, m.keys.Year, m.keys.Back}
}

// FullHelp lists every key for the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom},
		{m.keys.Earlier, m.keys.Later, m.keys.ThisMonth, m.keys.Quarter, m.keys.Year, m.keys.SinceFirst},
		{m.keys.Back},
	}
}

func (m *Model) updateKeys(msg tea.KeyPressMsg) tea.Cmd {
	if m.scroll(msg) {
		return nil
	}
	now := today(m.com)
	choose := func(s span) tea.Cmd {
		m.period, m.today, m.offset = latest(s, now), now, 0
		return m.load()
	}
	switch {
	case key.Matches(msg, m.keys.Back):
		return common.Back
	case key.Matches(msg, m.keys.Earlier, m.keys.Later):
		dir := 1
		if key.Matches(msg, m.keys.Earlier) {
			dir = -1
		}
		p, ok := m.period.step(dir, now)
		if !ok {
			return nil
		}
		m.period = p
		return m.load()
	case key.Matches(msg, m.keys.ThisMonth):
		return choose(thisMonth)
	case key.Matches(msg, m.keys.Quarter):
		return choose(lastQuarter)
	case key.Matches(msg, m.keys.Year):
		return choose(lastYear)
	case key.Matches(msg, m.keys.SinceFirst):
		return choose(sinceFirst)
	}
	return nil
}

// scroll moves the lines on screen by the list keys, and reports whether msg was one.
func (m *Model) scroll(msg tea.KeyPressMsg) bool {
	if m.com.Accessible && key.Matches(msg, m.keys.PageDown, m.keys.PageUp) {
		return m.turn(msg) // a section at a time, as it is said (speech.go)
	}
	var moved bool
	m.offset, moved = m.keys.Scroll(msg, m.offset, len(m.lines), m.bodyHeight())
	return moved
}

// clamp keeps the offset where lines show.
func (m *Model) clamp() { m.offset = min(max(m.offset, 0), max(len(m.lines)-m.bodyHeight(), 0)) }
