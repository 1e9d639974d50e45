// Package palette is the command palette (ctrl+k or `:`): every action of the screen on
// top and every place in the app, each with its key, narrowed as you type by a fuzzy
// match, the ones not possible now dimmed with why. It knows nothing of screens: the
// root gives it the items (built from the same keymaps as help) and does what the
// chosen one names.
package palette

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/list"
	"caseload/tui/component/textsafe"
)

// Item is one line of the palette.
type Item struct {
	Key  string // the key as help shows it ("enter", "↑/k"); "" for none
	Desc string // what it does, or the place it opens
	Hint string // where the key works when not here ("r on Today")
	Why  string // not possible now, and why; "" when it is
	hay  string // Key and Desc folded, matched against the query (not the Hint: every
	// "on Today" would match t, o, d, a and y)
	key  string // Key folded: typed whole, it puts its item first
	desc string // Desc folded
}

// Live reports whether the item can run now.
func (it Item) Live() bool { return it.Why == "" }

// Model is the open palette.
type Model struct {
	items  []Item
	shown  []int // indexes into items, best match first
	win    list.Window
	input  textinput.Model
	keys   KeyMap
	theme  *common.Theme
	width  int
	height int
}

// New opens a palette over items, in the order given until something is typed.
func New(theme *common.Theme, items []Item) *Model {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = "find an action or a place"
	in.CharLimit = 60
	in.Focus()
	for i := range items {
		items[i].hay = domain.FoldForSearch(items[i].Key + " " + items[i].Desc)
		items[i].key = domain.FoldForSearch(items[i].Key)
		items[i].desc = domain.FoldForSearch(items[i].Desc)
	}
	m := &Model{items: items, input: in, keys: DefaultKeyMap(), theme: theme}
	m.refilter()
	return m
}

// SetSize gives the palette the room of a screen.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(m.boxWidth()-countRoom-len(m.input.Prompt)-1, 4))
	m.win.Clamp(len(m.shown), m.rows())
}

// Query is what has been typed.
func (m *Model) Query() string { return m.input.Value() }

// Shown is the items that match the query, best first.
func (m *Model) Shown() []Item {
	out := make([]Item, len(m.shown))
	for i, j := range m.shown {
		out[i] = m.items[j]
	}
	return out
}

// Update takes a key or a paste. It returns the index of the item chosen with enter (a
// live one), else -1, and whether the palette is done (chosen or closed with esc).
func (m *Model) Update(msg tea.Msg) (chosen int, done bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case isKey && key.Matches(k, m.keys.Close):
		return -1, true
	case isKey && key.Matches(k, m.keys.Run):
		i, ok := m.win.Selected(m.shown)
		if !ok || !m.items[i].Live() {
			return -1, false // the reason is on the line already; nothing runs
		}
		return i, true
	case isKey && m.move(k):
		return -1, false
	}
	before := m.input.Value()
	m.input, _ = textsafe.Update(m.input, msg)
	if m.input.Value() != before {
		m.refilter()
	}
	return -1, false
}

func (m *Model) move(k tea.KeyPressMsg) bool {
	n, h := len(m.shown), m.rows()
	switch {
	case key.Matches(k, m.keys.Up):
		m.win.Move(-1, n, h)
	case key.Matches(k, m.keys.Down):
		m.win.Move(1, n, h)
	case key.Matches(k, m.keys.PageUp):
		m.win.Move(-list.PageSize(h), n, h)
	case key.Matches(k, m.keys.PageDown):
		m.win.Move(list.PageSize(h), n, h)
	default:
		return false
	}
	return true
}

// exactKey is what typing an item's whole key adds to its score: "d" on a referral finds
// its d before every line holding a d.
const exactKey = 1000

// refilter matches every item against the query, best score first, ties in the order
// given (the screen's actions before the places), and puts the cursor on the first.
func (m *Model) refilter() {
	q := domain.FoldForSearch(m.input.Value())
	type hit struct{ i, score int }
	hits := make([]hit, 0, len(m.items))
	for i, it := range m.items {
		if s, ok := Score(q, it.hay); ok {
			// What it does, matched alone too: the key's letter ("r referrals") must
			// not use up the query's first letter and rank it below "n new referral".
			if d, ok := Score(q, it.desc); ok && d > s {
				s = d
			}
			if q == it.key {
				s += exactKey
			}
			hits = append(hits, hit{i, s})
		}
	}
	if q != "" {
		slices.SortStableFunc(hits, func(a, b hit) int { return b.score - a.score })
	}
	m.shown = m.shown[:0]
	for _, h := range hits {
		m.shown = append(m.shown, h.i)
	}
	m.win.Move(-len(m.items)-1, len(m.shown), m.rows())
}
