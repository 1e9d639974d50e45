package list

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Nav is the movement keys every list shares, so they mean the same on every screen.
type Nav struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// DefaultNav returns the movement keys of the app's conventions.
func DefaultNav() Nav {
	return Nav{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
	}
}

// Navigate moves the window over n shown rows, h of them on screen, when msg is a
// movement key, and reports whether it was one.
func (w *Window) Navigate(msg tea.KeyPressMsg, nav Nav, n, h int) bool {
	switch {
	case key.Matches(msg, nav.Up):
		w.Move(-1, n, h)
	case key.Matches(msg, nav.Down):
		w.Move(1, n, h)
	case key.Matches(msg, nav.PageUp):
		w.Move(-PageSize(h), n, h)
	case key.Matches(msg, nav.PageDown):
		w.Move(PageSize(h), n, h)
	case key.Matches(msg, nav.Top):
		w.Move(-n, n, h)
	case key.Matches(msg, nav.Bottom):
		w.Move(n, n, h)
	default:
		return false
	}
	return true
}

// Scroll moves the first line shown of n lines, h of them on screen, when msg is a
// movement key (for a screen that reads, with nothing to select), and reports whether
// it was one. The offset it returns always shows lines.
func (nav Nav) Scroll(msg tea.KeyPressMsg, offset, n, h int) (int, bool) {
	switch {
	case key.Matches(msg, nav.Up):
		offset--
	case key.Matches(msg, nav.Down):
		offset++
	case key.Matches(msg, nav.PageUp):
		offset -= PageSize(h)
	case key.Matches(msg, nav.PageDown):
		offset += PageSize(h)
	case key.Matches(msg, nav.Top):
		offset = 0
	case key.Matches(msg, nav.Bottom):
		offset = n
	default:
		return offset, false
	}
	return min(max(offset, 0), max(n-h, 0)), true
}
