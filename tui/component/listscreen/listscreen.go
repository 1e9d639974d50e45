// Package listscreen is the list screen every list of the app is built on: the rows,
// the cursor and the rows on screen, the columns laid out to the width and to what they
// hold, the filter (`/`, tui/component/filter), the cursor kept on its record when the
// rows are read again, the `›` marker, week or status headings between rows, the mouse
// (common.PointerMsg) and what the screen says to a screen reader (common.Speaker). A
// screen supplies its rows and the rules that are its own (how its rows are ordered,
// grouped, narrowed and opened) in a Spec, and draws its summary above the list and
// anything below it.
package listscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"caseload/tui/component/filter"
	"caseload/tui/component/list"
)

// Spec is what a screen tells its list: its rows' cells, identity and haystack, and the
// rules that are the screen's own.
type Spec[R any] struct {
	// Title is the screen's name, the first words it speaks.
	Title string
	// Columns are the columns at their least widths; each column's Want and the name's
	// NameMax are measured from the rows when they arrive.
	Columns list.Spec
	// Measure, when set, says what the rows want instead of measuring every cell when
	// they arrive (the queue's 20,000 rows are measured in its load command, off the UI
	// goroutine): s with each column's Want and the NameMax filled in.
	Measure func(s list.Spec) list.Spec
	// Layout lays the measured columns out at a width; nil is list.Layout. The queue's
	// narrow clock is its own.
	Layout func(width int, s list.Spec) []list.Column
	// Cell is a column's text for a row and the style that marks it, if any.
	Cell func(r *R, col string) (string, *lipgloss.Style)
	// ID names a row's record, so the cursor stays on it when the rows change.
	ID func(r *R) int64
	// Haystack is what the filter searches in a row, folded (domain.FoldForSearch).
	Haystack func(r *R) string
	// Keep, when set, leaves a row out whatever the query (a "mine" toggle).
	Keep func(r *R) bool
	// Match, when set, replaces the matching of the query over Haystack and Keep (the
	// queue narrows its last matches as the query grows).
	Match func(query string) []int
	// Group, when set, is the heading a row sits under: a heading line is drawn where
	// it changes (the forums' weeks).
	Group func(r *R) string
	// Open is what enter, a double click, and enter on a filter that matches one row do.
	Open func(r *R) tea.Cmd
	// Empty says why no row shows (loaded, how many rows, the query), or "".
	Empty func(loaded bool, rows int, query string) string
	// Count is what the screen speaks after its title: "15 awaiting screening"; nil
	// speaks how many rows show.
	Count func() string
	// Words is a row in words for a screen reader; nil speaks its cells, comma-separated.
	Words func(r *R) string
	// Placeholder is the filter's hint while nothing is typed.
	Placeholder string
}

// Model is one list: a screen holds it and hands it its keys, pastes and pointer.
type Model[R any] struct {
	spec   Spec[R]
	Nav    list.Nav
	Keys   filter.KeyMap
	filter filter.Model

	loaded bool
	rows   []R
	shown  []int       // indexes into rows that pass the filter and Keep
	win    list.Window // the cursor, over shown
	cols   []list.Column
	wants  list.Spec // Columns with what the rows want, measured when they arrive

	width, height int
	above, below  int // lines the screen draws above the headings and below the rows

	// With Group set: the lines the shown rows make with their headings, the line of
	// each shown row, and the first line on screen.
	lines []line
	at    []int
	top   int
}

// line is a heading (k < 0) or the shown row k.
type line struct {
	heading string
	k       int
}

// New builds an empty list from spec.
func New[R any](spec Spec[R]) *Model[R] {
	return &Model[R]{spec: spec, Nav: list.DefaultNav(), Keys: filter.DefaultKeyMap(),
		filter: filter.New(spec.Placeholder), wants: spec.Columns, above: 1}
}

// Frame says how many lines the screen draws above the headings (its summary) and
// below the rows (a foot line), so the list knows its room.
func (m *Model[R]) Frame(above, below int) {
	m.above, m.below = above, below
	m.Clamp()
}

// SetSize lays the columns out for a new size.
func (m *Model[R]) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(w)
	m.Relayout()
}

// Relayout lays the columns out again, after the screen changed its columns (a "mine"
// toggle leaves the clinician out) or the rows changed what they want.
func (m *Model[R]) Relayout() {
	if m.spec.Layout != nil {
		m.cols = m.spec.Layout(m.width, m.wants)
	} else {
		m.cols = list.Layout(m.width, m.wants)
	}
	m.Clamp()
}

// SetColumns replaces the columns at their least widths (a "mine" toggle), keeping what
// the rows were measured to want.
func (m *Model[R]) SetColumns(s list.Spec) {
	m.spec.Columns = s
	m.measure()
	m.Relayout()
}

// Columns is the columns as laid out.
func (m *Model[R]) Columns() []list.Column { return m.cols }

// Loaded is true once rows have arrived.
func (m *Model[R]) Loaded() bool { return m.loaded }

// Rows is every row, shown or not.
func (m *Model[R]) Rows() []R { return m.rows }

// Shown is the indexes of the rows that show, in order.
func (m *Model[R]) Shown() []int { return m.shown }

// Capturing is true while the filter is typed.
func (m *Model[R]) Capturing() bool { return m.filter.Active() }

// Query is the filter as typed.
func (m *Model[R]) Query() string { return m.filter.Value() }

// Selected is the row under the cursor, or nil when none shows.
func (m *Model[R]) Selected() *R {
	ri, ok := m.win.Selected(m.shown)
	if !ok {
		return nil
	}
	return &m.rows[ri]
}

// Cursor is the cursor's place among the shown rows.
func (m *Model[R]) Cursor() int { return m.win.Cursor }

func (m *Model[R]) selectedID() (int64, bool) {
	if r := m.Selected(); r != nil {
		return m.spec.ID(r), true
	}
	return 0, false
}

// Esc is the binding esc stands for now, for the footer: clearing a kept filter, or back.
func (m *Model[R]) Esc(back key.Binding) key.Binding { return m.filter.Esc(m.Keys, back) }

// Typing is the footer's keys while the filter is typed.
func (m *Model[R]) Typing() []key.Binding { return m.Keys.Typing() }

// NavHelp is the movement keys for the help screen.
func (m *Model[R]) NavHelp() []key.Binding {
	n := m.Nav
	return []key.Binding{n.Up, n.Down, n.PageUp, n.PageDown, n.Top, n.Bottom}
}

// FilterHelp is the filter's keys for the help screen.
func (m *Model[R]) FilterHelp() []key.Binding {
	return []key.Binding{m.Keys.Filter, m.Keys.ApplyFilter, m.Keys.ClearFilter}
}

// Offset is the first shown row on screen (without headings).
func (m *Model[R]) Offset() int { return m.win.Offset }

// Width is the list's width.
func (m *Model[R]) Width() int { return m.width }

// Top is the first line on screen when rows are grouped under headings.
func (m *Model[R]) Top() int { return m.top }
