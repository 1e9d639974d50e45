// Package filter is the filter-as-you-type that the list screens share: `/` starts
// typing, each letter narrows the list, enter keeps the filter, esc clears it. While
// typing, the arrows still move through the matches, and j and k are letters. A kept
// filter is cleared by esc before esc goes back, so it is never a trap. What the rows
// are and how the query matches them stay with each screen.
package filter

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/textsafe"
)

// KeyMap is the filter's keys. A screen embeds it in its own KeyMap, so its help
// names them, and hands it to Update.
type KeyMap struct {
	Filter, ApplyFilter, ClearFilter key.Binding
}

// DefaultKeyMap returns the filter's keys, following the app's conventions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ApplyFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// Typing is the keys for the footer while the filter is typed.
func (k KeyMap) Typing() []key.Binding { return []key.Binding{k.ApplyFilter, k.ClearFilter} }

// Model is the query, and whether it is being typed.
type Model struct {
	input  textinput.Model
	active bool
}

// New returns an empty filter that shows placeholder while nothing is typed.
func New(placeholder string) Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = placeholder
	in.CharLimit = 100
	return Model{input: in}
}

// Active is true while the filter is being typed: the screen is capturing keys.
func (m *Model) Active() bool { return m.active }

// Value is the query as typed.
func (m *Model) Value() string { return m.input.Value() }

// Shown is true while the filter line is on screen: while typing, and while a kept
// query narrows the list.
func (m *Model) Shown() bool { return m.active || m.input.Value() != "" }

// SetWidth fits the input to a screen w wide, leaving room beside it for the count.
func (m *Model) SetWidth(w int) { m.input.SetWidth(max(w-28, 8)) }

// Start begins typing (the `/` key).
func (m *Model) Start() tea.Cmd {
	m.active = true
	return m.input.Focus()
}

// Clear empties the query and ends typing. It is false when there was nothing to
// clear, so a kept-filter esc can go back instead.
func (m *Model) Clear() bool {
	had := m.Shown()
	m.active = false
	m.input.Blur()
	m.input.SetValue("")
	return had
}

// Update handles a key. handled is false when the key is the screen's own: the
// filter is neither being typed nor cleared, or an arrow moves the list while
// typing. changed is true when the query changed, so the screen filters its rows
// again; when handled and not changed, the filter line may have come or gone, so the
// screen keeps its cursor on screen. nav's Up and Down are the arrows that pass
// through; their letters (j, k) are typed.
func (m *Model) Update(msg tea.KeyPressMsg, keys KeyMap, nav list.Nav) (changed, handled bool, cmd tea.Cmd) {
	if !m.active {
		switch {
		case key.Matches(msg, keys.Filter):
			return false, true, m.Start()
		case key.Matches(msg, keys.ClearFilter) && m.input.Value() != "":
			return m.Clear(), true, nil
		}
		return false, false, nil
	}
	switch {
	case key.Matches(msg, keys.ClearFilter):
		m.Clear()
		return true, true, nil
	case key.Matches(msg, keys.ApplyFilter):
		m.active = false
		m.input.Blur()
		return false, true, nil
	case key.Matches(msg, nav.Up, nav.Down) && msg.Text == "":
		return false, false, nil
	}
	before := m.input.Value()
	m.input, cmd = textsafe.Update(m.input, msg)
	return m.input.Value() != before, true, cmd
}

// Paste puts pasted text into the query while it is typed, on one line (a pasted line
// break is a space, never enter); changed is true when the query changed, so the screen
// filters its rows again. A paste while the filter is not typed is not the filter's.
func (m *Model) Paste(msg tea.PasteMsg) (changed bool) {
	if !m.active {
		return false
	}
	before := m.input.Value()
	m.input, _ = textsafe.Update(m.input, msg)
	return m.input.Value() != before
}

// Esc is the binding esc stands for outside typing, for the footer: clearing a kept
// query, or back.
func (m *Model) Esc(keys KeyMap, back key.Binding) key.Binding {
	if m.input.Value() != "" {
		return keys.ClearFilter
	}
	return back
}

// View is the filter line, with how many of total rows match: the input while typing,
// after it the query in muted text with "esc clears".
func (m *Model) View(t *common.Theme, matched, total, width int) string {
	return list.FilterLine(t, &m.input, m.active, matched, total, width)
}

// Keys routes a key press on a list screen with a filter: the filter's own keys to it,
// then apply when the query changed (match again) or clamp when it did not (keep the
// cursor on a match); every other key to other, the screen's own keys.
func (m *Model) Keys(msg tea.KeyPressMsg, keys KeyMap, nav list.Nav, other func(tea.KeyPressMsg) tea.Cmd, apply, clamp func()) tea.Cmd {
	changed, handled, cmd := m.Update(msg, keys, nav)
	switch {
	case !handled:
		return other(msg)
	case changed:
		apply()
	default:
		clamp()
	}
	return cmd
}
